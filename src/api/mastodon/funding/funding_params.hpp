#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/funding/funding_service.hpp>

namespace lox::api::mastodon {

// The goal settings an update request describes (form or JSON). Amounts stay decimal strings
// for the service to check against the currency; one left out is "0".
services::FundingSettingsInput funding_settings_input_from(const http::Params& params);

// A stretch goal to add; without a currency it takes the settings' one.
services::NewStretchGoal new_stretch_goal_from(const http::Params& params);

}  // namespace lox::api::mastodon
