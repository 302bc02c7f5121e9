#pragma once

#include <loxodon/db/page_query.hpp>
#include <loxodon/db/tx.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct ScheduledStatusRow {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::chrono::system_clock::time_point scheduled_at;
  std::string params;  // JSON: the post request as the client sent it
  std::optional<std::string> idempotency_key;
};

struct ScheduledCounts {
  std::int64_t total = 0;
  std::int64_t same_day = 0;
};

// Statuses waiting to be posted at a chosen time.
class ScheduledStatusRepository {
 public:
  // False when the account already scheduled a status with the same idempotency key.
  static bool insert(Tx& tx, const ScheduledStatusRow& row);
  static std::optional<ScheduledStatusRow> by_idempotency_key(Tx& tx, std::int64_t owner,
                                                              const std::string& key);
  static std::vector<ScheduledStatusRow> page(Tx& tx, std::int64_t owner, const PageQuery& page);
  static std::optional<ScheduledStatusRow> get(Tx& tx, std::int64_t owner, std::int64_t id);
  static std::optional<ScheduledStatusRow> find(Tx& tx, std::int64_t id);
  // The owner's pending statuses, other than `except`: all, and those due on the day of `at`.
  static ScheduledCounts counts(Tx& tx, std::int64_t owner,
                                std::chrono::system_clock::time_point at, std::int64_t except);
  static bool reschedule(Tx& tx, std::int64_t owner, std::int64_t id,
                         std::chrono::system_clock::time_point at);
  static bool remove(Tx& tx, std::int64_t owner, std::int64_t id);
  static void remove(Tx& tx, std::int64_t id);
};

}  // namespace lox::db
