#include <loxodon/util/error.hpp>
#include <loxodon/util/snowflake.hpp>

namespace lox {

namespace {
constexpr int kLowBits = SnowflakeGenerator::kNodeBits + SnowflakeGenerator::kSequenceBits;
constexpr std::int64_t kSequenceMask = (std::int64_t{1} << SnowflakeGenerator::kSequenceBits) - 1;

std::int64_t millis(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
}  // namespace

std::int64_t SnowflakeGenerator::next() { return next_at(std::chrono::system_clock::now()); }

std::int64_t SnowflakeGenerator::next_at(std::chrono::system_clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (lease_required_ && (!valid_until_ || std::chrono::steady_clock::now() >= *valid_until_)) {
    throw Error(ErrorCode::kServiceUnavailable, "The server cannot make new records right now",
                "no id node lease (the database has not granted or renewed one)");
  }
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
  return (ms << kLowBits) | (std::int64_t{node_} << kSequenceBits) | sequence_;
}

void SnowflakeGenerator::require_lease() {
  std::lock_guard lock(mutex_);
  lease_required_ = true;
}

void SnowflakeGenerator::lease(int node, std::chrono::steady_clock::time_point valid_until) {
  if (node < 1 || node > kMaxNode) {
    throw Error(ErrorCode::kInternal, "Invalid id node", std::to_string(node));
  }
  std::lock_guard lock(mutex_);
  node_ = node;
  valid_until_ = valid_until;
}

std::optional<int> SnowflakeGenerator::node() const {
  std::lock_guard lock(mutex_);
  if (!valid_until_) return std::nullopt;
  return node_;
}

std::int64_t SnowflakeGenerator::min_for(std::chrono::system_clock::time_point at) {
  return millis(at) << kLowBits;
}

std::chrono::system_clock::time_point SnowflakeGenerator::time_of(std::int64_t id) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(id >> kLowBits));
}

}  // namespace lox
