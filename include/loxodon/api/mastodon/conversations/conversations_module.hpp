#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/conversation_service.hpp>

namespace lox::api::mastodon {

// /api/v1/conversations: direct messages grouped per participant set. The routes are listed in
// conversations_module.cpp; each handler lives in a file of its own.
class ConversationsModule {
 public:
  ConversationsModule(const config::Config& config, services::ConversationService& conversations);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> mark_read(Call& call);
  awaitable<http::Response> remove(Call& call);

  const config::Config& config_;
  services::ConversationService& conversations_;
};

}  // namespace lox::api::mastodon
