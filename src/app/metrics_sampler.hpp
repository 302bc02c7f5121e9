#pragma once
// The gauges that come from the shared database: sampled on a timer, never per scrape.

#include <loxodon/util/asio.hpp>
#include <loxodon/util/metrics.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <set>
#include <string>

namespace spdlog {
class logger;
}

namespace lox::db {
class Database;
}

namespace lox::app {

// Every `interval`, reads the job counts by state (and every fourth time the delivery hosts
// with failures) through the pool and sets the gauges. A scrape only reads what was last set,
// so a scraper polling often cannot load the database, and a slow database never holds up a
// scrape. The queries run on the pool's threads; the loop waits on `executor` between them.
class MetricsSampler {
 public:
  MetricsSampler(db::Database& db, Metrics& metrics, std::chrono::seconds interval);

  // Samples until stop(); call both from the executor it runs on.
  awaitable<void> run();
  void stop();

 private:
  awaitable<void> sample_jobs();
  awaitable<void> sample_delivery_hosts();

  db::Database& db_;
  Metrics& metrics_;
  std::chrono::seconds interval_;
  std::shared_ptr<spdlog::logger> log_;
  std::unique_ptr<asio::steady_timer> timer_;
  bool stopping_ = false;
  std::size_t round_ = 0;
  // Kinds that had a backlog last round: set back to 0 once they have none.
  std::set<std::string> queued_kinds_;
};

}  // namespace lox::app
