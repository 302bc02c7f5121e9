#pragma once

#include <loxodon/domain/rate_limiter.hpp>
#include <loxodon/util/asio.hpp>

#include <chrono>
#include <memory>

namespace lox::db {
class Database;
}

namespace lox::services {

// Makes the API rate limits hold across every process of the instance instead of per process.
// Every `interval` it takes the hits this process's limiter admitted since the last time, adds
// them to the database's counts in one statement and gives the totals back to the limiter, so
// the database sees one statement per interval per process however busy the API is. Processes
// decide alone between exchanges: together they may admit about what they admit in one interval
// past a limit. When the database does not answer, the hits are kept for the next exchange and
// each process goes on counting by itself (logged once).
class SharedRateLimits {
 public:
  // Ended windows are deleted about this often (by whichever process gets there).
  static constexpr std::chrono::seconds kPruneEvery{60};

  SharedRateLimits(db::Database& db, domain::RateLimiter& limiter,
                   std::chrono::milliseconds interval);
  ~SharedRateLimits();

  // Exchanges every interval until stop(); call both from the executor it runs on.
  awaitable<void> run();
  void stop();
  // One exchange (run() repeats it); false when the database did not answer. Public for tests.
  awaitable<bool> exchange();

 private:
  db::Database& db_;
  domain::RateLimiter& limiter_;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point next_prune_{};
  bool unreachable_ = false;  // logged once per outage
  bool stopped_ = false;
  std::shared_ptr<asio::steady_timer> timer_;
};

}  // namespace lox::services
