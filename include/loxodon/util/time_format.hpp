#pragma once

#include <chrono>
#include <string>

namespace lox {

// 2024-01-01T12:00:00.000Z, the form Mastodon's API uses for every timestamp.
std::string format_iso8601_ms(std::chrono::system_clock::time_point t);

// Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110 IMF-fixdate), for Date headers and signatures.
std::string format_http_date(std::chrono::system_clock::time_point t);

}  // namespace lox
