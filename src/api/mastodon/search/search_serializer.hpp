#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/services/search/search_service.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's Search: {"accounts": [...], "statuses": [...], "hashtags": [...]}.
nlohmann::json search_results_json(const config::Config& config,
                                   const services::SearchResults& results);

}  // namespace lox::api::mastodon
