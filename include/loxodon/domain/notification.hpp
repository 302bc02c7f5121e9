#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lox::domain {

// One notification as filed: its Mastodon `type` ("mention", "follow", ...), who caused it and
// the status it is about, when there is one.
struct Notification {
  std::int64_t id = 0;
  std::string type;
  std::int64_t from_account_id = 0;
  std::optional<std::int64_t> status_id;
  std::chrono::system_clock::time_point created_at{};
};

}  // namespace lox::domain
