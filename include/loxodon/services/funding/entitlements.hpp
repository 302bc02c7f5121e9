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

// The limits that hold for an account: the instance's own, raised by what its plans grant.
// Every place that enforces a limit, and the member's own view of them, read them here.
struct Limits {
  std::size_t max_characters = 0;
  std::size_t max_media_attachments = 0;
  std::size_t max_poll_options = 0;
  std::size_t max_profile_fields = 0;
  std::int64_t max_scheduled_posts = 0;
  std::int64_t max_scheduled_per_day = 0;  // a twelfth of the total, at least Mastodon's 25
  std::int64_t edit_window_minutes = 0;    // 0: posts can always be edited (no window)
  std::size_t image_bytes = 0;
  std::size_t video_bytes = 0;
};

Limits effective_limits(const config::Config& config, const domain::Entitlements& granted);

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
