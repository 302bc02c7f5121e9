#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/membership.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lox::api::mastodon {

nlohmann::json plan_json(const domain::MembershipPlan& plan);
nlohmann::json membership_json(const domain::Membership& membership);
nlohmann::json seat_json(const domain::FundedSeat& seat);

// The limits and perks that hold for the member now (services::effective_limits).
nlohmann::json perks_json(const config::Config& config, const domain::Entitlements& entitlements,
                          const std::optional<std::string>& badge);

}  // namespace lox::api::mastodon
