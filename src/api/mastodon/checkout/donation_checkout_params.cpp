#include "api/mastodon/checkout/donation_checkout_params.hpp"

namespace lox::api::mastodon {

services::DonationCheckout donation_checkout_from(const http::Params& p) {
  services::DonationCheckout d;
  d.amount = p.string("amount").value_or("");
  d.currency = p.string("currency").value_or("");
  d.interval = p.string("interval").value_or("");
  d.thanks = p.string("thanks");
  d.thanks_name = p.string("thanks_name").value_or("");
  d.thanks_message = p.string("thanks_message").value_or("");
  return d;
}

}  // namespace lox::api::mastodon
