#pragma once

#include <loxodon/util/asio.hpp>

#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <string>

namespace lox::federation {

// One fetch per key at a time in this process: a caller asking for a key already being fetched
// waits for that fetch to end instead of starting another (then reads what it stored). Safe
// across threads; waiters poll briefly rather than share a timer between executors.
class SingleFlight {
 public:
  // Runs `work` unless a run for `key` is in progress; then waits (at most `wait_limit`) for it.
  // Returns true when this call ran `work`.
  awaitable<bool> run(const std::string& key, std::function<awaitable<void>()> work,
                      std::chrono::milliseconds wait_limit = std::chrono::seconds(30));

 private:
  std::mutex mutex_;
  std::set<std::string> running_;
};

}  // namespace lox::federation
