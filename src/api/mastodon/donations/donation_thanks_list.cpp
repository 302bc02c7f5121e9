#include "api/mastodon/funding_serializer.hpp"

#include <loxodon/api/mastodon/donations/donations_module.hpp>

namespace lox::api::mastodon {

// Every row of the thanks wall, hidden ones included, with what only administrators see.
awaitable<http::Response> DonationsModule::list_thanks(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : co_await thanks_.all(call.user())) out.push_back(thanks_json(t, true));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
