#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/membership.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lox::services {

// Plans' entitlements JSON combined: the highest limit and any flag; unknown or malformed
// values are ignored.
domain::Entitlements combine_entitlements(const std::vector<std::string>& plan_entitlements);

// What `account_id` is entitled to now, from its memberships' state, period end and the grace
// period (inside the caller's transaction).
domain::Entitlements current_entitlements(db::Tx& tx, std::int64_t account_id, int grace_days);

}  // namespace lox::services
