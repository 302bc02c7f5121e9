#include "api/mastodon/plans/plan_serializer.hpp"

#include <loxodon/domain/money.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

json early_access_json(const config::Config& config, const domain::Entitlements& e) {
  json out = json::array();
  for (const auto& name : config.instance.early_access_features) {
    out.push_back({{"name", name}, {"open", services::feature_open_to(config, e, name)}});
  }
  return out;
}

}  // namespace

json plan_json(const domain::MembershipPlan& p) {
  return {{"id", std::to_string(p.id)},
          {"name", p.name},
          {"description", p.description},
          {"price", domain::format_amount(p.price_minor, p.currency)},
          {"price_minor", p.price_minor},
          {"currency", p.currency},
          {"billing_interval", p.billing_interval},
          {"trial_days", p.trial_days},
          {"entitlements", json::parse(p.entitlements_json, nullptr, false)},
          {"provider_price_ref", p.provider_price_ref ? json(*p.provider_price_ref) : json()},
          {"active", p.active}};
}

json membership_json(const domain::Membership& m) {
  return {{"id", std::to_string(m.id)},
          {"account_id", std::to_string(m.account_id)},
          {"acct", m.acct},
          {"plan_id", std::to_string(m.plan_id)},
          {"plan", m.plan_name},
          {"provider", m.provider},
          {"subscription_ref", m.subscription_ref},
          {"status", m.status},
          {"current_period_end",
           m.current_period_end ? json(format_iso8601_ms(*m.current_period_end)) : json(nullptr)},
          {"cancel_at_period_end", m.cancel_at_period_end}};
}

json seat_json(const domain::FundedSeat& f) {
  return json{
      {"id", std::to_string(f.id)},
      {"plan_id", std::to_string(f.plan_id)},
      {"plan", f.plan_name},
      {"months", f.months},
      {"ledger_entry_id",
       f.ledger_entry_id ? json(std::to_string(*f.ledger_entry_id)) : json(nullptr)},
      {"funded_by", f.funded_by},
      {"account_id", f.account_id ? json(std::to_string(*f.account_id)) : json(nullptr)},
      {"acct", f.acct ? json(*f.acct) : json(nullptr)},
      {"assigned_at", f.assigned_at ? json(format_iso8601_ms(*f.assigned_at)) : json(nullptr)}};
}

json perks_json(const config::Config& config, const domain::Entitlements& e,
                const std::optional<std::string>& badge) {
  const auto limits = services::effective_limits(config, e);
  const std::size_t megabyte = 1024 * 1024;
  return {{"max_characters", limits.max_characters},
          {"max_media_attachments", limits.max_media_attachments},
          {"max_poll_options", limits.max_poll_options},
          {"max_profile_fields", limits.max_profile_fields},
          {"max_scheduled_posts", limits.max_scheduled_posts},
          {"edit_window_minutes",
           limits.edit_window_minutes > 0 ? json(limits.edit_window_minutes) : json(nullptr)},
          {"image_size_limit_megabytes", limits.image_bytes / megabyte},
          {"video_size_limit_megabytes", limits.video_bytes / megabyte},
          {"custom_emoji_slots", e.custom_emoji_slots.value_or(0)},
          {"ad_free", e.ad_free},
          {"privacy_tools", e.privacy_tools},
          {"customization", e.customization},
          {"early_access", e.early_access},
          // What the instance holds in early access, and whether this member may use each.
          {"early_access_features", early_access_json(config, e)},
          {"badge", badge ? json(*badge) : json(nullptr)}};
}

}  // namespace lox::api::mastodon
