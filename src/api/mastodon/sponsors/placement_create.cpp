#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/sponsors/sponsor_params.hpp"
#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

#include <utility>

namespace lox::api::mastodon {

// A new placement of the sponsor in the path, with its creative (multipart).
awaitable<http::Response> SponsorsModule::create_placement(Call& call) {
  // The body is read before the path id, so a bad time is 422 even for an unknown id.
  auto placement = new_placement(call.params);
  auto created =
      co_await sponsors_.create_placement(call.user(), path_id(call.request), std::move(placement));
  co_return http::Response::json(200, placement_json(config_, created));
}

}  // namespace lox::api::mastodon
