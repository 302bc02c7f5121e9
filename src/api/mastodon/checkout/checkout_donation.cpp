#include "api/mastodon/checkout/donation_checkout_params.hpp"

#include <loxodon/api/mastodon/checkout/checkout_module.hpp>

namespace lox::api::mastodon {

// Anyone may give; a signed-in donor is remembered with the donation.
awaitable<http::Response> CheckoutModule::donation_checkout(Call& call) {
  services::DonationCheckout d = donation_checkout_from(call.params);
  std::optional<domain::UserWithAccount> donor;
  if (call.caller && call.caller->user) donor = *call.caller->user;
  auto url = co_await checkout_.donation_checkout(std::move(donor), std::move(d));
  co_return http::Response::json(200, {{"url", url}});
}

}  // namespace lox::api::mastodon
