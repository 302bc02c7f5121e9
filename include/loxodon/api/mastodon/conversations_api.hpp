#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/conversation_service.hpp>

namespace lox::api::mastodon {

// Conversations: direct messages grouped per participant set.
class ConversationsApi {
 public:
  ConversationsApi(const config::Config& config, services::ConversationService& conversations);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::ConversationService& conversations_;
};

}  // namespace lox::api::mastodon
