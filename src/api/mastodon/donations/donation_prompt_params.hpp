#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/funding/donation_prompt_service.hpp>

namespace lox::api::mastodon {

// The prompt a create request describes (form or JSON). A time that is not ISO 8601 is a 422;
// numbers far out of range become values the service refuses (-1 days of age, 0 days between
// repeats) rather than overflowing an int.
services::NewDonationPrompt new_donation_prompt_from(const http::Params& params);

}  // namespace lox::api::mastodon
