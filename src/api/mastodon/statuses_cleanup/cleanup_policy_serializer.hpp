#pragma once

#include <loxodon/domain/statuses_cleanup_policy.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// The policy as GET and PUT /api/v1/statuses_cleanup_policy answer it; a minimum not set is null.
nlohmann::json cleanup_policy_json(const domain::StatusesCleanupPolicy& policy);

}  // namespace lox::api::mastodon
