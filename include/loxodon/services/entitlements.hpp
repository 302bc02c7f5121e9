#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/membership.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lox::services {

// Plans' entitlements JSON combined: the highest limit and any flag; unknown or malformed
// values are ignored.
domain::Entitlements combine_entitlements(const std::vector<std::string>& plan_entitlements);

// What `account_id` is entitled to now, from its memberships' state, period end and the grace
// period (inside the caller's transaction).
domain::Entitlements current_entitlements(db::Tx& tx, std::int64_t account_id, int grace_days);

// Whether an account holding `granted` may use `feature` (one of
// config::kEarlyAccessFeatureNames): everyone may unless the instance holds it in early access,
// and then members whose plan grants `early_access`.
bool feature_open_to(const config::Config& config, const domain::Entitlements& granted,
                     std::string_view feature);

// Why an account holding `granted` may not switch on the privacy tool `feature` (the plan's
// privacy_tools, then early access); nothing when it may. Worded to follow a field's label.
std::optional<std::string> privacy_tool_refusal(const config::Config& config,
                                                const domain::Entitlements& granted,
                                                std::string_view feature);

}  // namespace lox::services
