#pragma once

#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

// Keeps this process's id node (SnowflakeGenerator) leased in the database it shares with the
// other processes of the instance: taken at start, renewed well before it runs out, given back at
// the end. While the lease is not held the generator refuses to make ids, so a process paused
// past its lease (or cut off from the database) cannot reuse a node another process took since.
class IdNodeLease {
 public:
  static constexpr std::chrono::seconds kTerm{60};
  static constexpr std::chrono::seconds kRenewEvery{15};
  // The generator stops a little before the database would free the node, for clock drift
  // between this process and PostgreSQL and for the time a renewal takes to arrive.
  static constexpr std::chrono::seconds kSafetyMargin{10};

  IdNodeLease(db::Database& db, SnowflakeGenerator& ids);
  ~IdNodeLease();

  // Takes the lowest free node and hands it to the generator (once; later calls keep it).
  // Throws when the database is unreachable (kServiceUnavailable) or all 63 nodes are held.
  awaitable<int> acquire();
  // Renews every kRenewEvery until stop(); a renewal the database refuses (the lease ran out)
  // takes a new node instead, and a database that does not answer is tried again.
  awaitable<void> keep();
  void stop();
  // Gives the node back, so a restarted process does not wait for it to run out.
  awaitable<void> release();

  const std::string& holder() const { return holder_; }

 private:
  awaitable<bool> renew();

  db::Database& db_;
  SnowflakeGenerator& ids_;
  std::string holder_;  // host, process id and a random part: unique per process start
  int node_ = 0;
  bool stopped_ = false;
  std::shared_ptr<asio::steady_timer> timer_;
};

}  // namespace lox::services
