#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace lox::http {

struct RateLimitDecision {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;
  std::chrono::system_clock::time_point reset;  // end of the current window
};

// Fixed-window request counting per key ("account:1", "ip:192.0.2.1"), in this process's
// memory: cheap enough to sit in front of every API request. Several processes each count
// their own share, so the effective limit grows with the number of processes.
class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window);
  RateLimitDecision hit(const std::string& key);
  RateLimitDecision hit(const std::string& key, std::chrono::system_clock::time_point now);

 private:
  struct Window {
    std::int64_t index = -1;
    int count = 0;
  };
  int limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  std::int64_t last_sweep_ = 0;
};

// X-RateLimit-Reset as Mastodon writes it: 2024-05-01T12:05:00.000000Z.
std::string rate_limit_reset_header(std::chrono::system_clock::time_point reset);

}  // namespace lox::http
