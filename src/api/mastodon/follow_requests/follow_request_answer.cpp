#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/follow_requests/follow_requests_module.hpp>

namespace lox::api::mastodon {

// The requester (path id) now follows the user; a remote one's server gets an Accept.
awaitable<http::Response> FollowRequestsModule::authorize(Call& call) {
  auto rel =
      co_await relationships_.authorize_request(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

awaitable<http::Response> FollowRequestsModule::reject(Call& call) {
  auto rel = co_await relationships_.reject_request(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

}  // namespace lox::api::mastodon
