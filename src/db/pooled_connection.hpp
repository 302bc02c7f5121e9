#pragma once

#include <loxodon/db/database_options.hpp>

#include <pqxx/pqxx>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

namespace lox::db {

// One pool slot. The libpqxx connection is opened lazily and dropped when it breaks, so a database
// restart costs the requests in flight at that moment and nothing after it.
class PooledConnection {
 public:
  // Returns the open connection, connecting (and setting the session up) first when needed.
  pqxx::connection& get(const DatabaseOptions& options);
  void reset() {
    conn_.reset();
    registered_.clear();
  }
  bool is_open() const { return conn_ && conn_->is_open(); }
  // Registers the statement named in db/*_statements.hpp with the open connection the first time
  // it runs there (libpqxx then prepares it on the server on that first use). Registering all
  // of them up front kept every statement's text in every connection: about 125 KB each.
  void register_statement(const std::string& name);

 private:
  std::unique_ptr<pqxx::connection> conn_;
  std::unordered_set<std::string_view> registered_;  // views of the static statement names
};

// Adds connect_timeout, TCP keepalives and application_name to a libpq URI, each unless the
// operator already set it (startup parameters, so they hold through a pooler too).
std::string with_connect_timeout(const std::string& url, std::chrono::seconds timeout);

}  // namespace lox::db
