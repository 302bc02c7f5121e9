#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/funding/checkout_service.hpp>

namespace lox::api::mastodon {

// Paying through the configured provider: a plan's checkout, a donation's checkout (anyone),
// a member cancelling their subscription at the end of its period, and administrators
// refunding a provider payment from the ledger. The routes are listed in checkout_module.cpp;
// each handler lives in a file of its own.
class CheckoutModule {
 public:
  explicit CheckoutModule(services::CheckoutService& checkout);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> membership_checkout(Call& call);
  awaitable<http::Response> donation_checkout(Call& call);
  awaitable<http::Response> seat_checkout(Call& call);
  awaitable<http::Response> cancel_membership(Call& call);
  awaitable<http::Response> refund_payment(Call& call);

  services::CheckoutService& checkout_;
};

}  // namespace lox::api::mastodon
