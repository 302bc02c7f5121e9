#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/donation_thanks.hpp>
#include <loxodon/domain/funding.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// GET /api/v1/instance/funding: every amount as {"amount": "12.34", "amount_minor": 1234} in
// the summary's currency (never a floating-point number), plus the payment links.
nlohmann::json funding_summary_json(const config::Config& config,
                                    const domain::FundingSummary& summary);
nlohmann::json funding_settings_json(const std::optional<domain::FundingSettings>& settings,
                                     const std::vector<domain::StretchGoal>& stretch_goals);
nlohmann::json stretch_goal_json(const domain::StretchGoal& goal);
// A row of the thanks wall: the name (null: anonymous), message and month; administrators also
// see the ledger entry and whether it is hidden.
nlohmann::json thanks_json(const domain::DonationThanks& thanks, bool for_admin);

}  // namespace lox::api::mastodon
