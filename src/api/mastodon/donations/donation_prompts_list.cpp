#include "api/mastodon/donations/donation_prompt_serializer.hpp"

#include <loxodon/api/mastodon/donations/donations_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> DonationsModule::list_prompts(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : co_await prompts_.all(call.user())) out.push_back(donation_prompt_json(p));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
