#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/http/params.hpp>
#include <loxodon/services/media/custom_emoji_service.hpp>

namespace lox::api::mastodon {

// The emoji a POST /api/v1/custom_emojis adds: shortcode, image file (multipart) and category;
// the service refuses what is missing or unusable.
services::NewCustomEmoji new_custom_emoji_from(const http::Params& params);

// Administrators act as such only through a token granted admin:write (as Mastodon's admin
// API); with another token they are members like any other.
bool administering(const Call& call);

}  // namespace lox::api::mastodon
