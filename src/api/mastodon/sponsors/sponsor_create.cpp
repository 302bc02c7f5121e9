#include "api/mastodon/sponsors/sponsor_params.hpp"
#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// A new sponsor, with its logo (multipart).
awaitable<http::Response> SponsorsModule::create_sponsor(Call& call) {
  auto sponsor = co_await sponsors_.create_sponsor(call.user(), new_sponsor(call.params));
  co_return http::Response::json(200, sponsor_json(config_, sponsor));
}

}  // namespace lox::api::mastodon
