#include <loxodon/db/membership_repository.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/statuses/scheduled_status_service.hpp>

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

Limits effective_limits(const config::Config& config, const domain::Entitlements& e) {
  const auto& instance = config.instance;
  constexpr std::size_t kMegabyte = 1024 * 1024;
  // A plan's upload size never goes past the instance's ceiling, nor below Mastodon's limits.
  const std::size_t upload =
      std::min(e.max_upload_megabytes.value_or(0), instance.max_upload_megabytes) * kMegabyte;
  Limits out;
  out.max_characters = std::max(instance.max_characters, e.max_characters.value_or(0));
  out.max_media_attachments =
      std::max(instance.max_media_attachments, e.max_media_attachments.value_or(0));
  out.max_poll_options = std::max(instance.max_poll_options, e.max_poll_options.value_or(0));
  out.max_profile_fields = std::max(domain::kMaxProfileFields, e.max_profile_fields.value_or(0));
  out.max_scheduled_posts =
      std::max<std::int64_t>(ScheduledStatusService::kTotalLimit,
                             static_cast<std::int64_t>(e.max_scheduled_posts.value_or(0)));
  out.max_scheduled_per_day =
      std::max(ScheduledStatusService::kDailyLimit, out.max_scheduled_posts / 12);
  // A plan extends the instance's window; without one there is nothing to extend.
  out.edit_window_minutes =
      instance.edit_window_minutes > 0
          ? std::max(instance.edit_window_minutes, e.edit_window_minutes.value_or(0))
          : 0;
  out.image_bytes = std::max(MediaService::kMaxImageBytes, upload);
  out.video_bytes = std::max(MediaService::kMaxVideoBytes, upload);
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
