#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/donation_prompt_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>

namespace lox::api::mastodon {

// Donation prompts (create, list, end) and the thanks wall (list, hide, show) for
// administrators.
class DonationsApi {
 public:
  DonationsApi(const config::Config& config, services::DonationPromptService& prompts,
               services::ThanksService& thanks);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::DonationPromptService& prompts_;
  services::ThanksService& thanks_;
};

}  // namespace lox::api::mastodon
