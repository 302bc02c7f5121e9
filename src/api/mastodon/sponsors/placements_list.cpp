#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// The placements the caller may manage.
awaitable<http::Response> SponsorsModule::placements(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : co_await sponsors_.placements(call.user())) {
    out.push_back(placement_json(config_, p));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
