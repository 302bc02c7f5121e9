#pragma once

#include <loxodon/db/scheduled_status_repository.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's ScheduledStatus entity; ids in params are strings (mastodon#34000).
nlohmann::json scheduled_status_json(const db::ScheduledStatusRow& row);

}  // namespace lox::api::mastodon
