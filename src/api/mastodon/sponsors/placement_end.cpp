#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// Ends a placement now.
awaitable<http::Response> SponsorsModule::end_placement(Call& call) {
  auto placement = co_await sponsors_.end_placement(call.user(), path_id(call.request));
  co_return http::Response::json(200, placement_json(config_, placement));
}

}  // namespace lox::api::mastodon
