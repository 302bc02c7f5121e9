#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/conversation_service.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's REST::ConversationSerializer.
nlohmann::json conversation_json(const config::Config& config, const services::ConversationView& c,
                                 const services::StatusPage& statuses);

}  // namespace lox::api::mastodon
