#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lox::domain {

// A custom emoji as the client API shows it (`:shortcode:` in text), served from our media
// store: the image as the server that made it published it, and a still of it.
struct CustomEmoji {
  std::string shortcode;
  std::string image_key;
  std::string static_key;
  bool visible_in_picker = true;
  std::optional<std::string> category;
};

// One of this server's own emoji, as administrators and the members who add them see it.
struct LocalEmoji {
  std::int64_t id = 0;
  CustomEmoji emoji;
  std::optional<std::int64_t> account_id;  // the member who added it; none: an administrator
  std::optional<std::string> added_by;     // that member's username
};

// Shortcodes as Mastodon accepts them: 2 to 100 letters, digits and underscores.
bool valid_emoji_shortcode(std::string_view shortcode);

// The distinct shortcodes `:written_like_this:` in a text, as Mastodon finds them: not inside
// a word or next to another colon (ASCII letters and digits make a word here).
std::vector<std::string> emoji_shortcodes(std::string_view text);
// The same over several texts (a post's text, warning and poll options; a profile's name,
// bio and fields), each shortcode once.
std::vector<std::string> emoji_shortcodes(const std::vector<std::string_view>& texts);

}  // namespace lox::domain
