// API rate limits shared by processes through the database: each "process" here is its own
// Database (connection pool), limiter and SharedRateLimits on one test database.
#include "run_awaitable.hpp"
#include "test_database.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/db/rate_limit_repository.hpp>
#include <loxodon/domain/rate_limiter.hpp>
#include <loxodon/services/instance/shared_rate_limits.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <thread>
#include <vector>

namespace lox::services {
namespace {

using lox::testing::run_awaitable;
using lox::testing::TestDatabase;

// A day: the tests run within one window unless they straddle midnight UTC.
constexpr std::chrono::seconds kWindow{86400};

struct Process {
  Process(const std::string& url, int limit)
      : db([&] {
          db::DatabaseOptions o;
          o.url = url;
          o.pool_size = 1;
          return o;
        }()),
        limiter(limit, kWindow),
        shared(db, limiter, std::chrono::milliseconds(1000)) {}
  bool exchange() { return run_awaitable(shared.exchange()); }

  db::Database db;
  domain::RateLimiter limiter;
  SharedRateLimits shared;
};

std::int64_t current_window_start() {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  return secs / kWindow.count() * kWindow.count();
}

class SharedRateLimitsTest : public ::testing::Test {
 protected:
  TestDatabase tdb_;
};

TEST_F(SharedRateLimitsTest, ProcessesSeeEachOthersHitsAfterAnExchange) {
  Process a(tdb_.url(), 10);
  Process b(tdb_.url(), 10);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(a.limiter.hit("account:1").allowed);
  EXPECT_TRUE(a.exchange());
  EXPECT_EQ(b.limiter.hit("account:1").remaining, 9);  // b has not heard of a's hits yet
  EXPECT_TRUE(b.exchange());                           // ... and now has: 3 + 1
  EXPECT_EQ(b.limiter.hit("account:1").remaining, 5);
  EXPECT_EQ(tdb_.count("SELECT hits FROM rate_limit_hits WHERE key = 'account:1'"), 4);
  // a learns of b's hits when it next sends its own.
  EXPECT_EQ(a.limiter.hit("account:1").remaining, 6);
  EXPECT_TRUE(a.exchange());
  EXPECT_TRUE(b.exchange());
  // a's last totals (5) miss b's latest hit; b's (6) hold everything so far.
  EXPECT_EQ(a.limiter.hit("account:1").remaining, 4);
  EXPECT_EQ(b.limiter.hit("account:1").remaining, 3);
  EXPECT_TRUE(a.exchange());
  EXPECT_TRUE(b.exchange());
  EXPECT_EQ(tdb_.count("SELECT hits FROM rate_limit_hits WHERE key = 'account:1'"), 8);
  // Two more between them reach the limit of 10; then both refuse.
  EXPECT_TRUE(a.limiter.hit("account:1").allowed);
  EXPECT_TRUE(a.exchange());
  EXPECT_TRUE(b.limiter.hit("account:1").allowed);
  EXPECT_TRUE(b.exchange());
  EXPECT_TRUE(a.limiter.hit("account:1").allowed);  // stale by one: admitted past the limit
  EXPECT_TRUE(a.exchange());
  EXPECT_FALSE(a.limiter.hit("account:1").allowed);
  EXPECT_FALSE(b.limiter.hit("account:1").allowed);
  EXPECT_TRUE(b.limiter.hit("account:2").allowed);  // other clients are not touched
}

TEST_F(SharedRateLimitsTest, AnExchangeWithNothingNewSendsNothing) {
  Process a(tdb_.url(), 10);
  EXPECT_TRUE(a.exchange());
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM rate_limit_hits"), 0);
}

TEST_F(SharedRateLimitsTest, EndedWindowsAreDeletedAndTheCurrentOnesKept) {
  const std::int64_t now = current_window_start();
  tdb_.query("INSERT INTO rate_limit_hits VALUES ('account:1', " +
             std::to_string(now - 2 * kWindow.count()) + ", 7), ('account:1', " +
             std::to_string(now - kWindow.count()) + ", 5)");
  Process a(tdb_.url(), 10);
  a.limiter.hit("account:1");
  EXPECT_TRUE(a.exchange());
  EXPECT_EQ(tdb_.scalar("SELECT string_agg(window_start::text || ':' || hits::text, ',' "
                        "ORDER BY window_start) FROM rate_limit_hits"),
            std::to_string(now - kWindow.count()) + ":5," + std::to_string(now) + ":1");
}

TEST_F(SharedRateLimitsTest, WithoutTheDatabaseLimitsAreLocalAndHitsAreSentLater) {
  Process down("postgresql://postgres@127.0.0.1:1/none", 5);
  for (int i = 0; i < 3; ++i) down.limiter.hit("ip:192.0.2.1");
  EXPECT_FALSE(down.exchange());
  EXPECT_EQ(down.limiter.hit("ip:192.0.2.1").remaining, 1);  // still counted here
  auto kept = down.limiter.take_unsent();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].hits, 4);  // nothing lost: all four go out with the next exchange
  // What the process kept arrives whole once the database answers.
  Process up(tdb_.url(), 5);
  auto totals = run_awaitable(
      up.db.tx([&](db::Tx& tx) { return db::RateLimitRepository::add_hits(tx, kept); }));
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].hits, 4);
}

TEST_F(SharedRateLimitsTest, ConcurrentExchangesOfTheSameKeysAddUp) {
  // Each process hits the same keys in its own order and exchanges at once with the others:
  // rows are locked in one order, so no exchange deadlocks and no hit is lost.
  constexpr int kProcesses = 4;
  constexpr int kKeys = 40;
  constexpr int kRounds = 5;
  std::vector<std::thread> threads;
  std::vector<int> failures(kProcesses, 0);
  for (int p = 0; p < kProcesses; ++p) {
    threads.emplace_back([&, p] {
      Process process(tdb_.url(), 1000000);
      std::vector<int> keys(kKeys);
      for (int k = 0; k < kKeys; ++k) keys[static_cast<std::size_t>(k)] = k;
      std::mt19937 order(static_cast<unsigned>(p));
      for (int round = 0; round < kRounds; ++round) {
        std::shuffle(keys.begin(), keys.end(), order);
        for (int k : keys) process.limiter.hit("ip:" + std::to_string(k));
        if (!process.exchange()) ++failures[static_cast<std::size_t>(p)];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int f : failures) EXPECT_EQ(f, 0);
  EXPECT_EQ(tdb_.count("SELECT sum(hits) FROM rate_limit_hits"), kProcesses * kKeys * kRounds);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM rate_limit_hits"), kKeys);
}

}  // namespace
}  // namespace lox::services
