#include "api/mastodon/search/search_query.hpp"
#include "api/mastodon/search/search_serializer.hpp"

#include <loxodon/api/mastodon/search/search_module.hpp>

namespace lox::api::mastodon {

// Accounts, hashtags and statuses matching q; with resolve, also those found on other servers.
awaitable<http::Response> SearchModule::get(Call& call) {
  auto results = co_await search_.search(search_query(call));
  co_return http::Response::json(200, search_results_json(config_, results));
}

}  // namespace lox::api::mastodon
