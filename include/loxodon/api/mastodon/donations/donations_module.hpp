#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/funding/donation_prompt_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>

namespace lox::api::mastodon {

// Donation prompts (create, list, end) and the thanks wall (list, hide, show) for
// administrators. The routes are listed in donations_module.cpp; each handler lives in a file
// of its own.
class DonationsModule {
 public:
  DonationsModule(services::DonationPromptService& prompts, services::ThanksService& thanks);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create_prompt(Call& call);
  awaitable<http::Response> list_prompts(Call& call);
  awaitable<http::Response> end_prompt(Call& call);
  awaitable<http::Response> list_thanks(Call& call);
  awaitable<http::Response> hide_thanks(Call& call);
  awaitable<http::Response> show_thanks(Call& call);

  services::DonationPromptService& prompts_;
  services::ThanksService& thanks_;
};

}  // namespace lox::api::mastodon
