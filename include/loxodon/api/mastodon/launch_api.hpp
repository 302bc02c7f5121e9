#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>

namespace lox::api::mastodon {

// Endpoints apps call at launch whose features arrive later (notifications, lists, filters,
// markers, trends, suggestions, followed tags, timelines...). Each answers the valid empty
// result for an instance where the feature holds no data yet, with the same authentication and
// scopes as the real endpoint, so apps never see a 404 and token rules are already exact.
void add_launch_routes(Endpoints& endpoints);

}  // namespace lox::api::mastodon
