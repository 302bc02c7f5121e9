#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/scheduled_status.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct ScheduledCounts {
  std::int64_t total = 0;
  std::int64_t same_day = 0;
};

// Statuses waiting to be posted at a chosen time.
class ScheduledStatusRepository {
 public:
  // False when the account already scheduled a status with the same idempotency key.
  static bool insert(Tx& tx, const domain::ScheduledStatus& row);
  static std::optional<domain::ScheduledStatus> by_idempotency_key(Tx& tx, std::int64_t owner,
                                                                   const std::string& key);
  static std::vector<domain::ScheduledStatus> page(Tx& tx, std::int64_t owner,
                                                   const domain::PageRequest& page);
  static std::optional<domain::ScheduledStatus> get(Tx& tx, std::int64_t owner, std::int64_t id);
  static std::optional<domain::ScheduledStatus> find(Tx& tx, std::int64_t id);
  // The owner's pending statuses, other than `except`: all, and those due on the day of `at`.
  static ScheduledCounts counts(Tx& tx, std::int64_t owner,
                                std::chrono::system_clock::time_point at, std::int64_t except);
  static bool reschedule(Tx& tx, std::int64_t owner, std::int64_t id,
                         std::chrono::system_clock::time_point at);
  static bool remove(Tx& tx, std::int64_t owner, std::int64_t id);
  static void remove(Tx& tx, std::int64_t id);
};

}  // namespace lox::db
