#include "run_awaitable.hpp"
#include "test_database.hpp"
#include "tx_sql.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

#include <thread>

namespace lox::db {
namespace {

using lox::testing::exec_sql;
using lox::testing::run_awaitable;
using lox::testing::TestDatabase;

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tdb_.query("CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)");
  }
  DatabaseOptions options(std::size_t pool = 2) {
    DatabaseOptions o;
    o.url = tdb_.url();
    o.pool_size = pool;
    return o;
  }
  TestDatabase tdb_;
};

TEST_F(DatabaseTest, TxReturnsValuesAndResumesOnTheCallersThread) {
  Database db(options());
  auto result = run_awaitable([&]() -> awaitable<std::pair<std::string, bool>> {
    auto before = std::this_thread::get_id();
    std::thread::id ran_on;
    auto value = co_await db.tx([&](Tx& tx) {
      ran_on = std::this_thread::get_id();
      exec_sql(tx, "INSERT INTO items VALUES (1, 'one')");
      return exec_sql(tx, "SELECT name FROM items WHERE id = 1")[0][0].as<std::string>();
    });
    // The closure ran on a pool thread, and the coroutine came back to its own thread.
    co_return std::make_pair(value, ran_on != before && std::this_thread::get_id() == before);
  }());
  EXPECT_EQ(result.first, "one");
  EXPECT_TRUE(result.second);
}

TEST_F(DatabaseTest, ExceptionRollsBackAndPropagates) {
  Database db(options());
  EXPECT_THROW(run_awaitable([&]() -> awaitable<void> {
                 co_await db.tx([](Tx& tx) {
                   exec_sql(tx, "INSERT INTO items VALUES (2, 'two')");
                   throw Error(ErrorCode::kUnprocessable, "Validation failed: nope");
                 });
               }()),
               Error);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM items"), 0);
}

TEST_F(DatabaseTest, SqlErrorsBecomeSafeErrorsWithDetail) {
  Database db(options());
  db.tx_sync([](Tx& tx) { exec_sql(tx, "INSERT INTO items VALUES (3, 'three')"); });
  try {
    db.tx_sync([](Tx& tx) { exec_sql(tx, "INSERT INTO items VALUES (3, 'again')"); });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConflict);
  }
  try {
    db.tx_sync([](Tx& tx) { exec_sql(tx, "SELECT * FROM no_such_table"); });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
    EXPECT_STREQ(e.what(), "Internal server error");                 // what clients see
    EXPECT_NE(e.detail().find("no_such_table"), std::string::npos);  // what the log sees
  }
}

TEST_F(DatabaseTest, ManyConcurrentCoroutinesShareASmallPool) {
  Database db(options(2));
  int done = run_awaitable([&]() -> awaitable<int> {
    auto ex = co_await asio::this_coro::executor;
    int finished = 0;
    for (int i = 0; i < 200; ++i) {
      asio::co_spawn(
          ex,
          [&db, i]() -> awaitable<void> {
            co_await db.tx([i](Tx& tx) {
              exec_sql(tx, "INSERT INTO items VALUES (" + std::to_string(100 + i) + ", 'x')");
            });
          },
          [&finished](std::exception_ptr e) {
            if (!e) ++finished;
          });
    }
    asio::steady_timer t(ex);
    for (int spins = 0; finished < 200 && spins < 1000; ++spins) {
      t.expires_after(std::chrono::milliseconds(10));
      co_await t.async_wait(asio::use_awaitable);
    }
    co_return finished;
  }());
  EXPECT_EQ(done, 200);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM items"), 200);
}

TEST_F(DatabaseTest, ReconnectsAfterConnectionsAreKilled) {
  Database db(options(2));
  EXPECT_TRUE(db.ping_sync());
  // Kill every backend of ours, as a database restart or failover would.
  tdb_.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
      "AND application_name = 'loxodon'");
  int unavailable = 0;
  for (int i = 0; i < 6; ++i) {
    try {
      db.tx_sync([](Tx& tx) { exec_sql(tx, "SELECT 1"); });
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kServiceUnavailable);
      ++unavailable;
    }
  }
  // Stale pooled connections are replaced transparently: no request sees the restart.
  EXPECT_EQ(unavailable, 0);
  EXPECT_NO_THROW(db.tx_sync([](Tx& tx) { exec_sql(tx, "SELECT 1"); }));
}

TEST_F(DatabaseTest, UnreachableDatabaseIsServiceUnavailable) {
  DatabaseOptions o = options(1);
  o.url = "postgresql://postgres@127.0.0.1:1/none";
  Database db(o);
  EXPECT_FALSE(db.ping_sync());
  try {
    db.tx_sync([](Tx& tx) { exec_sql(tx, "SELECT 1"); });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kServiceUnavailable);
  }
}

TEST_F(DatabaseTest, StatementTimeoutCancelsSlowQueries) {
  DatabaseOptions o = options(1);
  o.statement_timeout = std::chrono::milliseconds(200);
  Database db(o);
  auto started = std::chrono::steady_clock::now();
  try {
    db.tx_sync([](Tx& tx) { exec_sql(tx, "SELECT pg_sleep(5)"); });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kServiceUnavailable);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  EXPECT_NO_THROW(db.tx_sync([](Tx& tx) { exec_sql(tx, "SELECT 1"); }));  // connection still fine
}

}  // namespace
}  // namespace lox::db
