#include <loxodon/domain/rate_limiter.hpp>

#include <algorithm>

namespace lox::domain {

RateLimiter::RateLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

std::int64_t RateLimiter::index_of(std::chrono::system_clock::time_point now) const {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return secs / window_.count();
}

RateLimitDecision RateLimiter::hit(const std::string& key) {
  return hit(key, std::chrono::system_clock::now());
}

RateLimitDecision RateLimiter::hit(const std::string& key,
                                   std::chrono::system_clock::time_point now) {
  std::int64_t index = index_of(now);
  std::lock_guard lock(mutex_);
  if (index != last_sweep_) {
    // Forget keys from earlier windows so memory stays proportional to active clients (hits of
    // an ended window not yet shared no longer matter to anyone).
    std::erase_if(windows_, [index](const auto& entry) { return entry.second.index < index; });
    last_sweep_ = index;
  }
  Window& w = windows_[key];
  if (w.index != index) w = Window{index, 0, 0};
  RateLimitDecision d;
  d.limit = limit_;
  d.reset =
      std::chrono::system_clock::time_point(std::chrono::seconds((index + 1) * window_.count()));
  const std::int64_t used = w.shared + w.unsent;
  if (used >= limit_) {
    d.allowed = false;
    d.remaining = 0;
    return d;
  }
  ++w.unsent;
  d.remaining = static_cast<int>(limit_ - used - 1);
  return d;
}

std::vector<RateLimitCount> RateLimiter::take_unsent() {
  std::vector<RateLimitCount> out;
  {
    std::lock_guard lock(mutex_);
    for (auto& [key, w] : windows_) {
      if (w.unsent == 0) continue;
      out.push_back({key, w.index * window_.count(), w.unsent});
      w.shared += w.unsent;
      w.unsent = 0;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const RateLimitCount& a, const RateLimitCount& b) { return a.key < b.key; });
  return out;
}

RateLimiter::Window* RateLimiter::current(const RateLimitCount& count) {
  auto it = windows_.find(count.key);
  if (it == windows_.end() || it->second.index * window_.count() != count.window_start) {
    return nullptr;
  }
  return &it->second;
}

void RateLimiter::restore(const std::vector<RateLimitCount>& unsent) {
  std::lock_guard lock(mutex_);
  for (const auto& count : unsent) {
    if (Window* w = current(count)) {
      w->shared -= count.hits;
      w->unsent += count.hits;
    }
  }
}

void RateLimiter::apply_totals(const std::vector<RateLimitCount>& totals) {
  std::lock_guard lock(mutex_);
  for (const auto& count : totals) {
    if (Window* w = current(count)) w->shared = count.hits;
  }
}

}  // namespace lox::domain
