#pragma once
// The access log line and the request metrics of one answered request.

#include <loxodon/http/request.hpp>
#include <loxodon/http/server_options.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string_view>

namespace spdlog {
class logger;
}

namespace lox::http::detail {

// What the server knows of a request once it is answered.
struct Answered {
  std::string_view route;  // the matched pattern, or "unmatched"
  unsigned status = 0;
  std::size_t bytes = 0;
  bool log_address = true;  // false on routes that promise to keep no address
  std::string_view note;    // "before its body", "stream opened"; empty for a plain answer
};

// Writes the access line (ServerOptions::access_log) and records the request in
// ServerOptions::metrics. With ServerOptions::json_log the line's message is a JSON object of
// its fields, which the JSON log formatter merges into the line it writes.
class AccessLog {
 public:
  AccessLog(std::shared_ptr<spdlog::logger> log, const ServerOptions& options)
      : log_(std::move(log)), options_(options) {}

  void answered(const Request& req, const Answered& a,
                std::chrono::steady_clock::time_point started) const;

 private:
  std::shared_ptr<spdlog::logger> log_;
  const ServerOptions& options_;
};

}  // namespace lox::http::detail
