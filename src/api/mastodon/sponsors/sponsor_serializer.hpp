#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/sponsorship.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

nlohmann::json sponsor_json(const config::Config& config, const domain::Sponsor& sponsor);
nlohmann::json placement_json(const config::Config& config, const domain::Placement& placement);
// `with_code`: the offer's code, which the public disclosure leaves out.
nlohmann::json offer_json(const domain::SponsorOffer& offer, bool with_code);

}  // namespace lox::api::mastodon
