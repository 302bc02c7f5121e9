#include <loxodon/http/rate_limiter.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::http {

RateLimiter::RateLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

RateLimitDecision RateLimiter::hit(const std::string& key) {
  return hit(key, std::chrono::system_clock::now());
}

RateLimitDecision RateLimiter::hit(const std::string& key,
                                   std::chrono::system_clock::time_point now) {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  std::int64_t index = secs / window_.count();
  std::lock_guard lock(mutex_);
  if (index != last_sweep_) {
    // Forget keys from earlier windows so memory stays proportional to active clients.
    std::erase_if(windows_, [index](const auto& entry) { return entry.second.index < index; });
    last_sweep_ = index;
  }
  Window& w = windows_[key];
  if (w.index != index) {
    w.index = index;
    w.count = 0;
  }
  RateLimitDecision d;
  d.limit = limit_;
  d.reset =
      std::chrono::system_clock::time_point(std::chrono::seconds((index + 1) * window_.count()));
  if (w.count >= limit_) {
    d.allowed = false;
    d.remaining = 0;
    return d;
  }
  ++w.count;
  d.remaining = limit_ - w.count;
  return d;
}

std::string rate_limit_reset_header(std::chrono::system_clock::time_point reset) {
  std::string ms = format_iso8601_ms(reset);  // ...:00.000Z
  return ms.substr(0, ms.size() - 1) + "000Z";
}

}  // namespace lox::http
