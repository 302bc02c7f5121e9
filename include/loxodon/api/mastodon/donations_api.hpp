#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/donation_prompt_service.hpp>

namespace lox::api::mastodon {

// Donation prompts for administrators: create, list, end.
class DonationsApi {
 public:
  DonationsApi(const config::Config& config, services::DonationPromptService& prompts);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::DonationPromptService& prompts_;
};

}  // namespace lox::api::mastodon
