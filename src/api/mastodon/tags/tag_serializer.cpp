#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

// Usage history is not tracked yet: an empty array, which clients accept.
json tag_json(const config::Config& config, const domain::Tag& tag, bool with_viewer) {
  json out = {{"name", tag.name},
              {"url", config.base_url() + "/tags/" + tag.name},
              {"history", json::array()}};
  if (with_viewer) {
    out["following"] = tag.following;
    out["featuring"] = tag.featuring;
  }
  return out;
}

json featured_json(const config::Config& config, const std::string& username,
                   const domain::FeaturedTag& f) {
  json last = nullptr;
  if (f.last_status_at_ms) {
    // Mastodon gives the day only, to not reveal when exactly someone posted.
    std::string stamp = format_iso8601_ms(
        std::chrono::system_clock::time_point(std::chrono::milliseconds(*f.last_status_at_ms)));
    last = stamp.substr(0, 10);
  }
  return {{"id", std::to_string(f.id)},
          {"name", f.name},
          {"url", config.base_url() + "/@" + username + "/tagged/" + f.name},
          {"statuses_count", f.statuses_count},
          {"last_status_at", last}};
}

}  // namespace lox::api::mastodon
