#include "api/mastodon/scheduled_status_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

json scheduled_status_json(const domain::ScheduledStatus& scheduled) {
  json stored = json::parse(scheduled.params, nullptr, false);
  if (!stored.is_object()) stored = json::object();
  auto string_or_null = [&](const char* key) -> json {
    if (!stored.contains(key) || stored[key].is_null()) return nullptr;
    return stored[key].is_string() ? stored[key] : json(stored[key].dump());
  };
  json poll = nullptr;
  if (stored.contains("poll") && stored["poll"].is_object()) {
    const json& p = stored["poll"];
    poll = {{"options", p.value("options", json::array())},
            {"expires_in", std::to_string(p.value("expires_in", 0LL))},
            {"multiple", p.value("multiple", false)},
            {"hide_totals", p.value("hide_totals", false)}};
  }
  json media_ids = nullptr;
  if (stored.contains("media_ids") && stored["media_ids"].is_array() &&
      !stored["media_ids"].empty()) {
    media_ids = json::array();
    for (const auto& id : stored["media_ids"]) media_ids.push_back(id.dump());
  }
  json params = {{"text", stored.value("text", "")},
                 {"poll", poll},
                 {"media_ids", media_ids},
                 {"sensitive", stored.value("sensitive", false)},
                 {"spoiler_text", stored.value("spoiler_text", "")},
                 {"visibility", stored.contains("visibility") && stored["visibility"].is_string()
                                    ? stored["visibility"]
                                    : json("public")},
                 {"scheduled_at", nullptr},
                 {"language", string_or_null("language")},
                 {"in_reply_to_id", string_or_null("in_reply_to_id")},
                 {"application_id", string_or_null("application_id")},
                 {"idempotency", string_or_null("idempotency")},
                 {"with_rate_limit", false}};
  return {{"id", std::to_string(scheduled.id)},
          {"scheduled_at", format_iso8601_ms(scheduled.scheduled_at)},
          {"params", params},
          {"media_attachments", json::array()}};
}

}  // namespace lox::api::mastodon
