#pragma once

#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/util/asio.hpp>

#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// What an admin sees of delivery health: hosts with recent failures, and those marked
// unavailable (no deliveries but Follow), which the admin may clear by hand.
class DeliveryHealthService {
 public:
  explicit DeliveryHealthService(db::Database& db) : db_(db) {}

  awaitable<std::vector<db::DeliveryHostHealth>> hosts();
  // False when the host had no failure record.
  awaitable<bool> clear(std::string host);

 private:
  db::Database& db_;
};

}  // namespace lox::services
