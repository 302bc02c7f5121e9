#pragma once

#include <loxodon/util/asio.hpp>

namespace lox::db {
class Database;
}

namespace lox::services {

class HealthService {
 public:
  explicit HealthService(db::Database& db) : db_(db) {}
  // True when the database answers a query right now.
  awaitable<bool> database_ok();

 private:
  db::Database& db_;
};

}  // namespace lox::services
