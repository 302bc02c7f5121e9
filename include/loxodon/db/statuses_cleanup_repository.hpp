#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/statuses_cleanup_policy.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace lox::db {

// Accounts' automatic deletion policies and the posts they select.
class StatusesCleanupRepository {
 public:
  static std::optional<domain::StatusesCleanupPolicy> find(Tx& tx, std::int64_t account_id);
  static void upsert(Tx& tx, const domain::StatusesCleanupPolicy& policy);
  // Enabled policies not run in the last 50 minutes, oldest run first (never run before
  // them), marked as run now.
  static std::vector<domain::StatusesCleanupPolicy> take_due(Tx& tx, int limit);
  // Up to `limit` of the account's posts the policy deletes now, oldest first.
  static std::vector<std::int64_t> candidates(Tx& tx, const domain::StatusesCleanupPolicy& policy,
                                              int limit);
};

}  // namespace lox::db
