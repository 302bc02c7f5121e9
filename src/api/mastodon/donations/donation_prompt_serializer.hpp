#pragma once

#include <loxodon/domain/donation_prompt.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// A donation prompt as administrators see it: ids as strings, times in ISO 8601 with
// milliseconds, null for no end and for never repeating.
nlohmann::json donation_prompt_json(const domain::DonationPrompt& prompt);

}  // namespace lox::api::mastodon
