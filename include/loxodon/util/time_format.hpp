#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace lox {

// 2024-01-01T12:00:00.000Z, the form Mastodon's API uses for every timestamp.
std::string format_iso8601_ms(std::chrono::system_clock::time_point t);

// 2024-01-01: the UTC day of `t`.
std::string format_date(std::chrono::system_clock::time_point t);

// Parses an ISO 8601 / RFC 3339 timestamp as clients send them: 2024-01-01T12:00:00Z, with
// optional fractional seconds and a Z or ±hh:mm offset, none meaning UTC (a space for the T is
// accepted).
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

// Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110 IMF-fixdate), for Date headers and signatures.
std::string format_http_date(std::chrono::system_clock::time_point t);

}  // namespace lox
