#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/funding/membership_service.hpp>

namespace lox::api::mastodon {

// A new plan as an administrator sends it: name, price, currency, billing_interval (month by
// default), trial_days, provider_price_ref, the limits it raises and the perks it gives.
services::NewPlan new_plan(const http::Params& params);

}  // namespace lox::api::mastodon
