#include "run_awaitable.hpp"
#include "test_database.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/db/id_node_repository.hpp>
#include <loxodon/services/instance/id_node_lease.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/snowflake.hpp>

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

namespace lox::services {
namespace {

using lox::testing::run_awaitable;
using lox::testing::TestDatabase;

class IdNodeLeaseTest : public ::testing::Test {
 protected:
  db::DatabaseOptions options() {
    db::DatabaseOptions o;
    o.url = tdb_.url();
    o.pool_size = 2;
    return o;
  }
  std::optional<int> lease(db::Database& db, const std::string& holder, int seconds = 60) {
    return run_awaitable(
        db.tx([&](db::Tx& tx) { return db::IdNodeRepository::lease(tx, holder, seconds); }));
  }
  TestDatabase tdb_;
};

TEST_F(IdNodeLeaseTest, ConcurrentProcessesGetDistinctNodes) {
  std::vector<std::optional<int>> nodes(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    threads.emplace_back([&, i] {
      db::Database db(options());
      nodes[i] = lease(db, "process-" + std::to_string(i));
    });
  }
  for (auto& t : threads) t.join();
  std::set<int> distinct;
  for (const auto& n : nodes) {
    ASSERT_TRUE(n.has_value());
    EXPECT_GE(*n, 1);
    EXPECT_LE(*n, 63);
    distinct.insert(*n);
  }
  EXPECT_EQ(distinct.size(), nodes.size());
}

TEST_F(IdNodeLeaseTest, ALeaseThatRanOutIsTakenAgainAndItsOldHolderCannotRenewIt) {
  db::Database db(options());
  auto first = lease(db, "paused");
  ASSERT_EQ(first, 1);
  tdb_.query("UPDATE id_nodes SET leased_until = now() - interval '1 second'");
  EXPECT_EQ(lease(db, "newcomer"), 1);
  bool renewed = run_awaitable(
      db.tx([](db::Tx& tx) { return db::IdNodeRepository::renew(tx, 1, "paused", 60); }));
  EXPECT_FALSE(renewed);
  // Its release does not free the newcomer's node either.
  run_awaitable(db.tx([](db::Tx& tx) { db::IdNodeRepository::release(tx, 1, "paused"); }));
  EXPECT_EQ(tdb_.scalar("SELECT holder FROM id_nodes WHERE node = 1"), "newcomer");
}

TEST_F(IdNodeLeaseTest, AllSixtyThreeHeldLeavesNoneAndTheLeaseSaysWhy) {
  tdb_.query(
      "INSERT INTO id_nodes SELECT n, 'busy', now() + interval '1 minute' "
      "FROM generate_series(1, 63) n");
  db::Database db(options());
  EXPECT_FALSE(lease(db, "late").has_value());
  SnowflakeGenerator ids;
  ids.require_lease();
  IdNodeLease keeper(db, ids);
  EXPECT_THROW(run_awaitable(keeper.acquire()), Error);
  EXPECT_THROW(ids.next(), Error);
}

TEST_F(IdNodeLeaseTest, TheKeeperLeasesHandsTheNodeToTheGeneratorAndGivesItBack) {
  db::Database db(options());
  ASSERT_EQ(lease(db, "another process"), 1);
  SnowflakeGenerator ids;
  ids.require_lease();
  IdNodeLease keeper(db, ids);
  EXPECT_EQ(run_awaitable(keeper.acquire()), 2);
  EXPECT_EQ(ids.node(), 2);
  auto id = ids.next();
  EXPECT_EQ((id >> SnowflakeGenerator::kSequenceBits) & SnowflakeGenerator::kMaxNode, 2);
  EXPECT_EQ(tdb_.scalar("SELECT holder FROM id_nodes WHERE node = 2"), keeper.holder());
  run_awaitable(keeper.release());
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM id_nodes WHERE node = 2"), 0);
}

}  // namespace
}  // namespace lox::services
