#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/media/custom_emoji_service.hpp>

namespace lox::api::mastodon {

// GET /api/v1/custom_emojis (Mastodon's, every app's emoji picker), Loxodon's own
// POST /api/v1/custom_emojis and DELETE /api/v1/custom_emojis/:shortcode for administrators
// and members with custom emoji slots, and the Emoji documents federation fetches. The routes
// are listed in custom_emojis_module.cpp; each handler lives in a file of its own.
class CustomEmojisModule {
 public:
  CustomEmojisModule(const config::Config& config, services::CustomEmojiService& emojis);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> add(Call& call);
  awaitable<http::Response> document(Call& call);
  awaitable<http::Response> remove(Call& call);

  const config::Config& config_;
  services::CustomEmojiService& emojis_;
};

}  // namespace lox::api::mastodon
