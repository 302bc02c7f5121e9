#include "api/mastodon/statuses_cleanup/cleanup_policy_serializer.hpp"

namespace lox::api::mastodon {

using nlohmann::json;

json cleanup_policy_json(const domain::StatusesCleanupPolicy& p) {
  auto minimum = [](const std::optional<int>& v) { return v ? json(*v) : json(nullptr); };
  return {{"enabled", p.enabled},
          {"min_status_age_days", p.min_status_age_days},
          {"keep_direct", p.keep_direct},
          {"keep_pinned", p.keep_pinned},
          {"keep_polls", p.keep_polls},
          {"keep_media", p.keep_media},
          {"keep_self_fav", p.keep_self_fav},
          {"keep_self_bookmark", p.keep_self_bookmark},
          {"min_favs", minimum(p.min_favs)},
          {"min_reblogs", minimum(p.min_reblogs)}};
}

}  // namespace lox::api::mastodon
