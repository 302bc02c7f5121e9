#pragma once

#include <optional>
#include <string>

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

}  // namespace lox::domain
