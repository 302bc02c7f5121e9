#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/relationship.hpp>
#include <loxodon/services/statuses/status_page.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's REST::StatusSerializer for one status of a page (boosts carry their original).
nlohmann::json status_json(const config::Config& config, const domain::StatusView& view,
                           const services::StatusPage& page, bool with_source = false);
nlohmann::json statuses_json(const config::Config& config, const services::StatusPage& page);
// The same as JSON text, written without building a tree (timelines and other pages).
std::string status_json_text(const config::Config& config, const domain::StatusView& view,
                             const services::StatusPage& page);
std::string statuses_json_text(const config::Config& config, const services::StatusPage& page);
nlohmann::json relationship_json(const domain::Relationship& relationship);

}  // namespace lox::api::mastodon
