#pragma once

#include <loxodon/db/database_options.hpp>

#include <pqxx/pqxx>

#include <cstddef>
#include <string>

namespace lox::testing {

// The admin connection string of the throwaway cluster scripts/test starts
// (LOXODON_TEST_DATABASE_URL). Fails the test with a clear message when it is missing.
std::string admin_database_url();

// A fresh database for one test process, created from scratch and dropped at the end, so tests
// run in parallel without seeing each other's rows.
class TestDatabase {
 public:
  // migrated=false leaves the database empty (for migration tests).
  explicit TestDatabase(bool migrated = true);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

  // Direct SQL for arranging and asserting; production code never does this.
  pqxx::result query(const std::string& sql);
  std::string scalar(const std::string& sql);
  long long count(const std::string& sql) { return std::stoll(scalar(sql)); }

 private:
  std::string name_;
  std::string url_;
};

// Replaces the database name in a libpq URI.
std::string with_database(const std::string& url, const std::string& database);

// Options for a pool of `pool_size` connections to `url`, the rest as in production.
inline db::DatabaseOptions pool_options(const std::string& url, std::size_t pool_size) {
  db::DatabaseOptions o;
  o.url = url;
  o.pool_size = pool_size;
  return o;
}

}  // namespace lox::testing
