#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/funding/checkout_service.hpp>

namespace lox::api::mastodon {

// The donation a checkout request describes (form or JSON). Missing fields are left empty for
// the service to refuse; thanks stays absent when not given.
services::DonationCheckout donation_checkout_from(const http::Params& params);

}  // namespace lox::api::mastodon
