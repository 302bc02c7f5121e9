#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/custom_emoji.hpp>

#include <nlohmann/json.hpp>

namespace lox::activitypub {

// One of our own emoji as Mastodon tags it on a Note or an actor, and as /emojis/:shortcode
// serves it: {"id", "type": "Emoji", "name": ":shortcode:", "icon": {"type": "Image",
// "mediaType", "url"}}.
nlohmann::json emoji_tag(const config::Config& config, const domain::CustomEmoji& emoji);

}  // namespace lox::activitypub
