#include "run_awaitable.hpp"
#include "test_database.hpp"
#include "tx_sql.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace lox::db {
namespace {

using lox::testing::exec_sql;
using lox::testing::run_awaitable;
using lox::testing::TestDatabase;

// The "replica" is a second database with a row of its own: what a read returns says where it
// ran. (tests/e2e/test_replica.py runs on a real streaming replica.)
class ReplicaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    primary_db_.query("CREATE TABLE items (name text NOT NULL)");
    primary_db_.query("INSERT INTO items VALUES ('on the primary')");
    replica_db_.query("CREATE TABLE items (name text NOT NULL)");
    replica_db_.query("INSERT INTO items VALUES ('on the replica')");
  }
  static DatabaseOptions options(const std::string& url) {
    DatabaseOptions o;
    o.url = url;
    o.pool_size = 1;
    o.connect_timeout = std::chrono::seconds(2);
    return o;
  }
  static std::string name_read(Database& db, ReadFrom from) {
    return run_awaitable(db.read(
        [](Tx& tx) { return exec_sql(tx, "SELECT name FROM items")[0][0].as<std::string>(); },
        from));
  }
  TestDatabase primary_db_;
  TestDatabase replica_db_;
};

TEST_F(ReplicaTest, ReplicaReadsGoToTheReplicaAndTheRestToThePrimary) {
  Database primary(options(primary_db_.url()));
  Database replica(options(replica_db_.url()));
  primary.set_replica(&replica);
  EXPECT_EQ(name_read(primary, ReadFrom::kReplica), "on the replica");
  EXPECT_EQ(name_read(primary, ReadFrom::kPrimary), "on the primary");
  EXPECT_EQ(primary.tx_sync([](Tx& tx) {
    return exec_sql(tx, "SELECT name FROM items")[0][0].as<std::string>();
  }),
            "on the primary");
  // A closure returning nothing runs there too.
  int rows = 0;
  run_awaitable(primary.read(
      [&](Tx& tx) {
        rows = exec_sql(tx, "SELECT name FROM items WHERE name LIKE '%replica'").size();
      },
      ReadFrom::kReplica));
  EXPECT_EQ(rows, 1);
}

TEST_F(ReplicaTest, WithoutAReplicaEveryReadRunsOnThePrimary) {
  Database primary(options(primary_db_.url()));
  EXPECT_EQ(name_read(primary, ReadFrom::kReplica), "on the primary");
}

TEST_F(ReplicaTest, AnUnreachableReplicaFallsBackToThePrimary) {
  Database primary(options(primary_db_.url()));
  Database replica(options("postgresql://postgres@127.0.0.1:1/none"));
  primary.set_replica(&replica);
  EXPECT_EQ(name_read(primary, ReadFrom::kReplica), "on the primary");
  EXPECT_EQ(name_read(primary, ReadFrom::kReplica), "on the primary");
}

TEST_F(ReplicaTest, AReplicaThatTimedOutIsSkippedForAWhile) {
  Database primary(options(primary_db_.url()));
  DatabaseOptions slow = options(replica_db_.url());
  slow.statement_timeout = std::chrono::milliseconds(100);
  Database replica(slow);
  primary.set_replica(&replica);
  // Slow on the replica only: it times out there, and the read is answered by the primary.
  const std::string sleep_on_replica = "SELECT name, CASE WHEN current_database() = '" +
                                       replica_db_.name() + "' THEN pg_sleep(2) END FROM items";
  auto answer = run_awaitable(
      primary.read([&](Tx& tx) { return exec_sql(tx, sleep_on_replica)[0][0].as<std::string>(); },
                   ReadFrom::kReplica));
  EXPECT_EQ(answer, "on the primary");
  // A quick read right after still goes to the primary: the replica is being skipped.
  EXPECT_EQ(name_read(primary, ReadFrom::kReplica), "on the primary");
}

TEST_F(ReplicaTest, OtherErrorsOnTheReplicaAreNotHidden) {
  Database primary(options(primary_db_.url()));
  Database replica(options(replica_db_.url()));
  primary.set_replica(&replica);
  replica_db_.query("DROP TABLE items");
  // A broken query is a bug to see, not a reason to ask the primary.
  try {
    name_read(primary, ReadFrom::kReplica);
    FAIL() << "the replica's error was swallowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
  }
  // And the replica was not put aside for it.
  replica_db_.query("CREATE TABLE items (name text NOT NULL)");
  replica_db_.query("INSERT INTO items VALUES ('back on the replica')");
  EXPECT_EQ(name_read(primary, ReadFrom::kReplica), "back on the replica");
}

}  // namespace
}  // namespace lox::db
