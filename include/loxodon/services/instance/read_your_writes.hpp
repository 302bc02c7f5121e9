#pragma once

#include <loxodon/db/read_from.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace lox::services {

// Who wrote lately, so that their reads go to the primary while a replica may still lack their
// write: after posting, a member sees the post in their home timeline at once. Kept in this
// process only (a member whose next request lands on another process may read from a lagging
// replica there); thread-safe, and bounded: entries older than the window are dropped as new
// ones come, and at most kMaxEntries are kept (past that the oldest go first).
class ReadYourWrites {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  static constexpr std::size_t kMaxEntries = 100000;

  // A window of zero sends every read the replica can take there (no read-your-writes).
  explicit ReadYourWrites(std::chrono::milliseconds window, Clock clock = {});

  // The account has just written (or is about to, in the request being handled).
  void wrote(std::int64_t account_id);
  bool recently_wrote(std::int64_t account_id) const;
  // Where reads for `viewer` (0: logged out) may run: the replica, unless they wrote lately.
  db::ReadFrom read_from(std::int64_t viewer) const;
  // Entries held (for tests of the bound).
  std::size_t size() const;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  // Drops writes that left the window, and the oldest past the cap; mutex_ held.
  void prune(TimePoint now);

  std::chrono::milliseconds window_;
  Clock clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, TimePoint> last_write_;
  // Every recorded write in time order; an entry whose time is no longer its account's latest
  // is skipped when it is dropped.
  std::deque<std::pair<TimePoint, std::int64_t>> order_;
};

}  // namespace lox::services
