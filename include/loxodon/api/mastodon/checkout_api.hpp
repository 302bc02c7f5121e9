#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/checkout_service.hpp>

namespace lox::api::mastodon {

// Paying through the configured provider: a plan's checkout, a donation's checkout (anyone),
// a member cancelling their subscription at the end of its period, and administrators
// refunding a provider payment from the ledger.
class CheckoutApi {
 public:
  CheckoutApi(const config::Config& config, services::CheckoutService& checkout);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::CheckoutService& checkout_;
};

}  // namespace lox::api::mastodon
