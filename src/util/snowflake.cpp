#include <loxodon/util/snowflake.hpp>

namespace lox {

namespace {
constexpr int kSequenceBits = 16;
constexpr std::int64_t kSequenceMask = (std::int64_t{1} << kSequenceBits) - 1;

std::int64_t millis(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
}  // namespace

std::int64_t SnowflakeGenerator::next() { return next_at(std::chrono::system_clock::now()); }

std::int64_t SnowflakeGenerator::next_at(std::chrono::system_clock::time_point now) {
  std::lock_guard lock(mutex_);
  std::int64_t ms = millis(now);
  // A clock that steps back must not produce an id below one already issued.
  if (ms < last_ms_) ms = last_ms_;
  if (ms == last_ms_) {
    ++sequence_;
    if (sequence_ > kSequenceMask) {
      ++ms;  // borrow the next millisecond rather than wrap into a duplicate
      sequence_ = 0;
    }
  } else {
    sequence_ = 0;
  }
  last_ms_ = ms;
  return (ms << kSequenceBits) | sequence_;
}

std::int64_t SnowflakeGenerator::min_for(std::chrono::system_clock::time_point at) {
  return millis(at) << kSequenceBits;
}

std::chrono::system_clock::time_point SnowflakeGenerator::time_of(std::int64_t id) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(id >> kSequenceBits));
}

}  // namespace lox
