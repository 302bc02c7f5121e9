#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lox::http {

// The id each request carries in the log and in its X-Request-Id answer. A proxy in front (or a
// client) may send one, so one id follows the request through every log; it is kept only when
// it is plainly an id (see acceptable), since it is written into log lines as is. Otherwise the
// server makes one: a random prefix per process and a counter, unique across processes and
// restarts. Safe on every HTTP thread: the counter is atomic.
class RequestIds {
 public:
  static constexpr std::size_t kMaxLength = 128;

  RequestIds();

  // 1 to kMaxLength characters of A-Z a-z 0-9 . _ -
  static bool acceptable(std::string_view id);

  // The incoming id when acceptable, else a new one.
  std::string for_request(std::optional<std::string_view> incoming);
  std::string next();

 private:
  std::string prefix_;
  std::atomic<std::uint64_t> count_{0};
};

}  // namespace lox::http
