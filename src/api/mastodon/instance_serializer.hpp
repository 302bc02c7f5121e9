#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>
#include <loxodon/services/instance/instance_service.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's REST::V1::InstanceSerializer and REST::InstanceSerializer are the specification.
nlohmann::json instance_v1_json(const config::Config& config,
                                const services::InstanceSnapshot& snapshot);
nlohmann::json instance_v2_json(const config::Config& config,
                                const services::InstanceSnapshot& snapshot,
                                const services::InstanceSecrets& secrets);
nlohmann::json rules_json(const services::InstanceSnapshot& snapshot);
std::string version_string();

}  // namespace lox::api::mastodon
