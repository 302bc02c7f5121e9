#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace lox::domain {

struct RateLimitDecision {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;
  std::chrono::system_clock::time_point reset;  // end of the current window
};

// A number of hits of one key in one window (window_start: seconds since the epoch). What a
// process hands to the other processes (its hits since the last exchange) and what it takes
// back (every process's hits together).
struct RateLimitCount {
  std::string key;
  std::int64_t window_start = 0;
  std::int64_t hits = 0;
  bool operator==(const RateLimitCount&) const = default;
};

// Fixed-window request counting per key ("account:1", "ip:192.0.2.1"), cheap enough to sit in
// front of every API request: a decision never waits for the database. Windows are aligned to
// the epoch, so every process counts the same windows. To share one limit among the processes
// of an instance, something (services::SharedRateLimits) regularly takes the hits admitted here
// since the last exchange (take_unsent), adds them up with every other process's, and gives the
// totals back (apply_totals); a decision then counts the last totals plus the hits admitted
// here since. Without exchanges it is a limit per process. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window);

  RateLimitDecision hit(const std::string& key);
  RateLimitDecision hit(const std::string& key, std::chrono::system_clock::time_point now);

  // The hits admitted since the last call, per key of the current windows, sorted by key (so
  // that concurrent exchanges lock rows in one order). They count as shared from now on.
  std::vector<RateLimitCount> take_unsent();
  // Gives back what take_unsent() returned when it could not be shared, to be sent next time.
  void restore(const std::vector<RateLimitCount>& unsent);
  // Every process's hits (including those taken here); counts of windows that have since ended
  // here are ignored.
  void apply_totals(const std::vector<RateLimitCount>& totals);

  int limit() const { return limit_; }
  std::chrono::seconds window() const { return window_; }

 private:
  struct Window {
    std::int64_t index = -1;
    std::int64_t shared = 0;  // every process's hits at the last exchange, with ours taken since
    std::int64_t unsent = 0;  // admitted here since the last take_unsent()
  };
  std::int64_t index_of(std::chrono::system_clock::time_point now) const;
  Window* current(const RateLimitCount& count);

  int limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  std::int64_t last_sweep_ = 0;
};

}  // namespace lox::domain
