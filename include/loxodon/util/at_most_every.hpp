#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace lox {

// Says whether an idempotent action on a key is due: at most once per `interval` per key in
// this process, from any thread. For writes that repeat the same effect on every request (for
// example forgetting a host's delivery failures whenever it sends a signed activity), so that a
// burst costs one write rather than one per request.
class AtMostEvery {
 public:
  explicit AtMostEvery(std::chrono::steady_clock::duration interval, std::size_t max_keys = 10'000)
      : interval_(interval), max_keys_(max_keys) {}

  // True, and the action counts as done now, when the key's last one is `interval` ago or more.
  bool due(const std::string& key) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    auto found = last_.find(key);
    if (found != last_.end() && now - found->second < interval_) return false;
    if (found == last_.end() && last_.size() >= max_keys_) last_.clear();  // bounded memory
    last_[key] = now;
    return true;
  }

  // The action did not happen after all (it failed): the next due() says it is due.
  void forget(const std::string& key) {
    std::lock_guard lock(mutex_);
    last_.erase(key);
  }

 private:
  const std::chrono::steady_clock::duration interval_;
  const std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> last_;
};

}  // namespace lox
