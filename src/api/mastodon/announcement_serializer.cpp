#include "api/mastodon/announcement_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {
json time_or_null(const std::optional<std::chrono::system_clock::time_point>& t) {
  return t ? json(format_iso8601_ms(*t)) : json(nullptr);
}
}  // namespace

json announcement_json(const config::Config& config, const domain::Announcement& a,
                       bool for_viewer) {
  json tags = json::array();
  for (const auto& t : a.tags) {
    tags.push_back({{"name", t}, {"url", config.base_url() + "/tags/" + t}});
  }
  json reactions = json::array();
  for (const auto& r : a.reactions) {
    json reaction = {{"name", r.name}, {"count", r.count}};
    if (for_viewer) reaction["me"] = r.me;
    reactions.push_back(std::move(reaction));
  }
  json out = {{"id", std::to_string(a.id)},
              {"content", a.content},
              {"starts_at", time_or_null(a.starts_at)},
              {"ends_at", time_or_null(a.ends_at)},
              {"all_day", a.all_day},
              {"published", a.published_at.has_value()},
              {"published_at", time_or_null(a.published_at)},
              {"updated_at", format_iso8601_ms(a.updated_at)},
              {"mentions", json::array()},
              {"statuses", json::array()},
              {"tags", tags},
              {"emojis", json::array()},
              {"reactions", reactions}};
  if (for_viewer) out["read"] = a.read;
  return out;
}

}  // namespace lox::api::mastodon
