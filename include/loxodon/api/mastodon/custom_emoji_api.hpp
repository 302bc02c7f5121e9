#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/media/custom_emoji_service.hpp>

namespace lox::api::mastodon {

// GET /api/v1/custom_emojis (Mastodon's, every app's emoji picker), and Loxodon's own
// POST /api/v1/custom_emojis and DELETE /api/v1/custom_emojis/:shortcode for administrators
// and members with custom emoji slots.
class CustomEmojiApi {
 public:
  CustomEmojiApi(const config::Config& config, services::CustomEmojiService& emojis);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::CustomEmojiService& emojis_;
};

}  // namespace lox::api::mastodon
