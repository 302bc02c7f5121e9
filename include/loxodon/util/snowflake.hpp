#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace lox {

// Time-ordered 64-bit ids: milliseconds since the Unix epoch in the high 48 bits, a per-millisecond
// sequence in the low 16 (Mastodon's layout), so ids sort by creation time and fit JSON as strings.
class SnowflakeGenerator {
 public:
  std::int64_t next();
  std::int64_t next_at(std::chrono::system_clock::time_point now);

  static std::int64_t min_for(std::chrono::system_clock::time_point at);
  static std::chrono::system_clock::time_point time_of(std::int64_t id);

 private:
  std::mutex mutex_;
  std::int64_t last_ms_ = 0;
  std::int64_t sequence_ = 0;
};

}  // namespace lox
