#pragma once

#include <spdlog/formatter.h>

#include <memory>
#include <string>
#include <string_view>

namespace lox {

// Writes each log entry as one JSON object on one line (LOXODON_LOG_FORMAT=json):
//   {"time":"2024-05-01T12:00:00.123Z","level":"info","logger":"lox.http","message":"..."}
// Messages are escaped here, not by a pattern: log lines carry text from outside (paths, remote
// errors), so quotes, backslashes and control characters are escaped and invalid UTF-8 is
// replaced, and every line stays one valid object.
//
// A message that is itself a JSON object (the access log writes its lines so, see
// http::ServerOptions::json_log) is merged: its members follow time, level and logger, which
// it cannot override.
class JsonLogFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;

  // `text` as a JSON string literal, quotes included.
  static std::string quote(std::string_view text);
};

}  // namespace lox
