#include "test_database.hpp"

#include <loxodon/db/embedded_migrations.hpp>
#include <loxodon/db/migrator.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <stdexcept>

namespace lox::testing {

std::string admin_database_url() {
  const char* url = std::getenv("LOXODON_TEST_DATABASE_URL");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "LOXODON_TEST_DATABASE_URL is not set: run the suite through scripts/test, which starts a "
        "throwaway PostgreSQL, or point it at a cluster where you may create databases");
  }
  return url;
}

std::string with_database(const std::string& url, const std::string& database) {
  auto scheme_end = url.find("://");
  auto slash = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  auto query = url.find('?');
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string suffix = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + database + suffix;
}

TestDatabase::TestDatabase(bool migrated) {
  static std::atomic<int> counter{0};
  std::random_device rd;
  name_ = "loxodon_t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
          std::to_string(rd() % 100000);
  std::string admin = admin_database_url();
  {
    pqxx::connection conn(admin);
    pqxx::nontransaction tx(conn);
    tx.exec("CREATE DATABASE " + name_ + " TEMPLATE template0 ENCODING 'UTF8'");
  }
  url_ = with_database(admin, name_);
  if (migrated) db::Migrator(url_, db::embedded_migrations()).apply();
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection conn(admin_database_url());
    pqxx::nontransaction tx(conn);
    tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "could not drop test database %s: %s\n", name_.c_str(), e.what());
  }
}

pqxx::result TestDatabase::query(const std::string& sql) {
  pqxx::connection conn(url_);
  pqxx::work tx(conn);
  auto r = tx.exec(sql);
  tx.commit();
  return r;
}

std::string TestDatabase::scalar(const std::string& sql) {
  auto r = query(sql);
  if (r.empty() || r[0][0].is_null()) return "";
  return r[0][0].as<std::string>();
}

}  // namespace lox::testing
