#pragma once

#include <loxodon/domain/scheduled_status.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's ScheduledStatus entity; ids in params are strings (mastodon#34000).
nlohmann::json scheduled_status_json(const domain::ScheduledStatus& scheduled);

}  // namespace lox::api::mastodon
