#include <loxodon/db/membership_repository.hpp>
#include <loxodon/services/entitlements.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lox::services {

domain::Entitlements combine_entitlements(const std::vector<std::string>& plan_entitlements) {
  domain::Entitlements out;
  for (const auto& text : plan_entitlements) {
    auto plan = nlohmann::json::parse(text, nullptr, false);
    if (!plan.is_object()) continue;
    auto raise = [&](const char* key, std::optional<std::size_t>& limit) {
      if (auto it = plan.find(key); it != plan.end() && it->is_number_unsigned()) {
        limit = std::max(limit.value_or(0), it->get<std::size_t>());
      }
    };
    raise("max_characters", out.max_characters);
    raise("max_media_attachments", out.max_media_attachments);
    raise("max_poll_options", out.max_poll_options);
    raise("max_profile_fields", out.max_profile_fields);
    raise("max_scheduled_posts", out.max_scheduled_posts);
    raise("max_upload_megabytes", out.max_upload_megabytes);
    raise("custom_emoji_slots", out.custom_emoji_slots);
    if (auto it = plan.find("edit_window_minutes"); it != plan.end() && it->is_number_unsigned()) {
      out.edit_window_minutes =
          std::max(out.edit_window_minutes.value_or(0), it->get<std::int64_t>());
    }
    auto grant = [&](const char* key, bool& flag) {
      if (auto it = plan.find(key); it != plan.end() && it->is_boolean() && it->get<bool>()) {
        flag = true;
      }
    };
    grant("ad_free", out.ad_free);
    grant("privacy_tools", out.privacy_tools);
    grant("early_access", out.early_access);
    grant("customization", out.customization);
  }
  return out;
}

domain::Entitlements current_entitlements(db::Tx& tx, std::int64_t account_id, int grace_days) {
  return combine_entitlements(
      db::MembershipRepository::entitlements_for(tx, account_id, grace_days));
}

bool feature_open_to(const config::Config& config, const domain::Entitlements& granted,
                     std::string_view feature) {
  const auto& held = config.instance.early_access_features;
  return granted.early_access || std::find(held.begin(), held.end(), feature) == held.end();
}

std::optional<std::string> privacy_tool_refusal(const config::Config& config,
                                                const domain::Entitlements& granted,
                                                std::string_view feature) {
  if (!granted.privacy_tools) return "needs a membership with privacy tools";
  if (!feature_open_to(config, granted, feature)) {
    return "is in early access: it needs a membership with early access";
  }
  return std::nullopt;
}

}  // namespace lox::services
