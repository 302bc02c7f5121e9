#include "api/mastodon/custom_emojis/custom_emoji_request.hpp"

namespace lox::api::mastodon {

services::NewCustomEmoji new_custom_emoji_from(const http::Params& params) {
  services::NewCustomEmoji emoji;
  emoji.shortcode = params.string_or("shortcode", "");
  if (const auto* file = params.file("image")) emoji.image = file->content.to_string();
  emoji.category = params.string("category");
  return emoji;
}

bool administering(const Call& call) {
  return call.caller && call.caller->scopes.allows("admin:write");
}

}  // namespace lox::api::mastodon
