#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// The sponsors the caller may manage.
awaitable<http::Response> SponsorsModule::sponsors(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : co_await sponsors_.sponsors(call.user())) {
    out.push_back(sponsor_json(config_, s));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
