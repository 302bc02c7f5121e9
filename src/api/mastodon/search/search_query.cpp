#include "api/mastodon/search/search_query.hpp"

#include "api/mastodon/request_ids.hpp"

#include <algorithm>

namespace lox::api::mastodon {

services::SearchQuery search_query(const Call& call) {
  services::SearchQuery query;
  query.q = call.params.string_or("q", "");
  query.type = call.params.string_or("type", "");
  query.viewer = viewer_of(call);
  query.following = call.params.boolean("following").value_or(false);
  query.account_id = call.params.integer("account_id").value_or(0);
  query.limit =
      static_cast<int>(std::clamp<long long>(call.params.integer("limit").value_or(20), 1, 40));
  query.offset =
      static_cast<int>(std::clamp<long long>(call.params.integer("offset").value_or(0), 0, 10000));
  query.resolve = call.params.boolean("resolve").value_or(false);
  return query;
}

}  // namespace lox::api::mastodon
