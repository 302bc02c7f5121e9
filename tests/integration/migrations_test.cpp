#include "test_database.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/db/embedded_migrations.hpp>
#include <loxodon/db/migrator.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

#include <thread>

namespace lox::db {
namespace {

using lox::testing::TestDatabase;

TEST(Migrations, EmbeddedFilesAreOrderedAndNumbered) {
  const auto& all = embedded_migrations();
  ASSERT_GE(all.size(), 3u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string name = all[i].name;
    EXPECT_TRUE(name.ends_with(".sql")) << name;
    EXPECT_EQ(name.substr(0, 4), (i + 1 < 10 ? "000" : "00") + std::to_string(i + 1)) << name;
  }
}

TEST(Migrations, ApplyAllThenNothingOnSecondRun) {
  TestDatabase tdb(/*migrated=*/false);
  Migrator migrator(tdb.url(), embedded_migrations());
  EXPECT_EQ(migrator.pending().size(), embedded_migrations().size());
  std::vector<std::string> progress;
  auto applied = migrator.apply(
      [&](const std::string& name, std::size_t, std::size_t) { progress.push_back(name); });
  EXPECT_EQ(applied.size(), embedded_migrations().size());
  EXPECT_EQ(progress, applied);
  EXPECT_TRUE(migrator.pending().empty());
  EXPECT_TRUE(migrator.apply().empty());  // idempotent
  EXPECT_EQ(tdb.count("SELECT count(*) FROM schema_migrations"),
            static_cast<long long>(embedded_migrations().size()));
  EXPECT_EQ(tdb.scalar("SELECT to_regclass('jobs')::text"), "jobs");
}

TEST(Migrations, ConcurrentRunsApplyEachFileOnce) {
  TestDatabase tdb(/*migrated=*/false);
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&tdb, &r] { r = Migrator(tdb.url(), embedded_migrations()).apply(); });
  }
  for (auto& t : threads) t.join();
  std::size_t total = 0;
  for (const auto& r : results) total += r.size();
  EXPECT_EQ(total, embedded_migrations().size());  // the advisory lock serialised them
  EXPECT_EQ(tdb.count("SELECT count(*) FROM schema_migrations"),
            static_cast<long long>(embedded_migrations().size()));
}

TEST(Migrations, FailingMigrationRollsBackAndIsReported) {
  TestDatabase tdb(/*migrated=*/false);
  std::vector<MigrationSource> sources = {
      {"0001_ok.sql", "CREATE TABLE a (id int);"},
      {"0002_bad.sql", "CREATE TABLE b (id int); SELECT no_such_function();"},
  };
  Migrator migrator(tdb.url(), sources);
  EXPECT_THROW(migrator.apply(), Error);
  EXPECT_EQ(migrator.pending(), (std::vector<std::string>{"0002_bad.sql"}));
  EXPECT_EQ(tdb.scalar("SELECT to_regclass('b')::text"), "");  // the whole file rolled back
  EXPECT_EQ(tdb.scalar("SELECT to_regclass('a')::text"), "a");
}

TEST(Migrations, PendingCheckThroughThePool) {
  TestDatabase tdb(/*migrated=*/false);
  Database db(lox::testing::pool_options(tdb.url(), 1));
  auto pending = db.tx_sync([](Tx& tx) { return Migrator::pending_in(tx, embedded_migrations()); });
  EXPECT_EQ(pending.size(), embedded_migrations().size());
  Migrator(tdb.url(), embedded_migrations()).apply();
  pending = db.tx_sync([](Tx& tx) { return Migrator::pending_in(tx, embedded_migrations()); });
  EXPECT_TRUE(pending.empty());
}

TEST(Migrations, UnreachableDatabaseIsServiceUnavailable) {
  Migrator migrator("postgresql://postgres@127.0.0.1:1/none", embedded_migrations());
  try {
    migrator.pending();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kServiceUnavailable);
  }
}

}  // namespace
}  // namespace lox::db
