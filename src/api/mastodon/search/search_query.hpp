#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/search/search_service.hpp>

namespace lox::api::mastodon {

// q, type, following, account_id, limit (1 to 40), offset (0 to 10000) and resolve, with the
// caller as the viewer.
services::SearchQuery search_query(const Call& call);

}  // namespace lox::api::mastodon
