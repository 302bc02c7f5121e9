#pragma once

#include <loxodon/db/database_options.hpp>

#include <pqxx/pqxx>

#include <chrono>
#include <memory>
#include <string>

namespace lox::db {

// One pool slot. The libpqxx connection is opened lazily and dropped when it breaks, so a database
// restart costs the requests in flight at that moment and nothing after it.
class PooledConnection {
 public:
  // Returns the open connection, connecting (and preparing statements) first when needed.
  pqxx::connection& get(const DatabaseOptions& options);
  void reset() { conn_.reset(); }
  bool is_open() const { return conn_ && conn_->is_open(); }

 private:
  std::unique_ptr<pqxx::connection> conn_;
};

// Adds connect_timeout, TCP keepalives and application_name to a libpq URI, each unless the
// operator already set it (startup parameters, so they hold through a pooler too).
std::string with_connect_timeout(const std::string& url, std::chrono::seconds timeout);

}  // namespace lox::db
