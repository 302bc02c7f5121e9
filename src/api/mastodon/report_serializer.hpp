#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/services/moderation/report_service.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's Report entity (what the reporter gets back).
nlohmann::json report_json(const config::Config& config, const services::ReportView& report);
// Mastodon's Admin::Report entity, with Admin::Account for both accounts and the statuses.
nlohmann::json admin_report_json(const config::Config& config, const services::ReportView& report);

}  // namespace lox::api::mastodon
