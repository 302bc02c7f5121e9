#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/sponsors/sponsor_params.hpp"
#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

#include <utility>

namespace lox::api::mastodon {

// A new offer of the sponsor in the path.
awaitable<http::Response> SponsorsModule::create_offer(Call& call) {
  // The body is read before the path id, so a bad time is 422 even for an unknown id.
  auto offer = new_offer(call.params);
  auto created =
      co_await sponsors_.create_offer(call.user(), path_id(call.request), std::move(offer));
  co_return http::Response::json(200, offer_json(created, true));
}

}  // namespace lox::api::mastodon
