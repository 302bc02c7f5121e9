#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/sponsorship.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

nlohmann::json sponsor_json(const config::Config& config, const domain::Sponsor& sponsor);
nlohmann::json placement_json(const config::Config& config, const domain::Placement& placement);

}  // namespace lox::api::mastodon
