#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/services/notifications/notification_service.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's REST::NotificationSerializer; `statuses` holds the status it refers to, if any.
nlohmann::json notification_json(const config::Config& config, const services::NotificationView& n,
                                 const services::StatusPage& statuses);

}  // namespace lox::api::mastodon
