#include <loxodon/services/instance/read_your_writes.hpp>

namespace lox::services {

ReadYourWrites::ReadYourWrites(std::chrono::milliseconds window, Clock clock)
    : window_(window), clock_(clock ? std::move(clock) : Clock(std::chrono::steady_clock::now)) {}

void ReadYourWrites::wrote(std::int64_t account_id) {
  if (window_.count() == 0) return;  // nothing would ever be read back
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  prune(now);
  last_write_[account_id] = now;
  order_.emplace_back(now, account_id);
}

void ReadYourWrites::prune(TimePoint now) {
  // Bounded even when one account writes faster than the window drains (the one about to be
  // added counts).
  while (!order_.empty() &&
         (now - order_.front().first >= window_ || order_.size() >= kMaxEntries)) {
    auto [at, id] = order_.front();
    order_.pop_front();
    auto found = last_write_.find(id);
    // A later write of the same account is still in the window: it keeps the entry.
    if (found != last_write_.end() && found->second == at) last_write_.erase(found);
  }
}

bool ReadYourWrites::recently_wrote(std::int64_t account_id) const {
  const TimePoint now = clock_();
  std::lock_guard lock(mutex_);
  auto found = last_write_.find(account_id);
  return found != last_write_.end() && now - found->second < window_;
}

db::ReadFrom ReadYourWrites::read_from(std::int64_t viewer) const {
  if (viewer != 0 && recently_wrote(viewer)) return db::ReadFrom::kPrimary;
  return db::ReadFrom::kReplica;
}

std::size_t ReadYourWrites::size() const {
  std::lock_guard lock(mutex_);
  return last_write_.size();
}

}  // namespace lox::services
