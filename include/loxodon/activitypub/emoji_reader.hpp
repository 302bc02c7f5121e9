#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lox::activitypub {

// A custom emoji tag: {"type": "Emoji", "name": ":blobcat:", "icon": {"url": …}, "updated": …}.
struct RemoteEmoji {
  std::string shortcode;  // without the colons
  std::string uri;        // the Emoji's id; empty when it has none (Misskey)
  std::string image_url;
  std::string updated;  // as sent, compared only for equality
};

// At most this many emoji are read from one object (Mastodon draws no line; a post or profile
// carrying more is showing off, not writing).
inline constexpr std::size_t kMaxEmojisPerObject = 50;

// The Emoji tags of `object` whose `:shortcode:` occurs in one of `texts` (as Mastodon shows
// only the emoji the text uses): shortcodes of letters, digits and underscores (at least two),
// http(s) images, one per shortcode.
std::vector<RemoteEmoji> read_emojis(const nlohmann::json& object,
                                     const std::vector<std::string_view>& texts);

}  // namespace lox::activitypub
