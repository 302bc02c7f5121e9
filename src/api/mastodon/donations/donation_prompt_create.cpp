#include "api/mastodon/donations/donation_prompt_params.hpp"
#include "api/mastodon/donations/donation_prompt_serializer.hpp"

#include <loxodon/api/mastodon/donations/donations_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> DonationsModule::create_prompt(Call& call) {
  auto prompt = co_await prompts_.create(call.user(), new_donation_prompt_from(call.params));
  co_return http::Response::json(200, donation_prompt_json(prompt));
}

}  // namespace lox::api::mastodon
