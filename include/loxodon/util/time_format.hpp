#pragma once

#include <chrono>
#include <cstdint>
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

// system_clock counts nanoseconds in 64 bits (1677 to 2262): a time from outside beyond that
// would overflow when converted. Times read from others must lie within these years (parsers
// answer nullopt otherwise) and epoch seconds within ±kMaxEpochSeconds (about 1843 to 2096,
// leaving room for the hours a signature window adds).
inline constexpr int kMinReadableYear = 1800;
inline constexpr int kMaxReadableYear = 2200;
inline constexpr std::int64_t kMaxEpochSeconds = 4'000'000'000;
// Seconds since the epoch as a time, or nullopt when they lie beyond kMaxEpochSeconds.
std::optional<std::chrono::system_clock::time_point> from_epoch_seconds(std::int64_t seconds);

}  // namespace lox
