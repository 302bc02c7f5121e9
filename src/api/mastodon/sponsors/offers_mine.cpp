#include "api/mastodon/sponsors/sponsor_serializer.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// A member's own offers, codes included.
awaitable<http::Response> SponsorsModule::my_offers(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  auto offers = co_await sponsors_.offers_for_member(call.user().account.id);
  for (const auto& o : offers) out.push_back(offer_json(o, true));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
