#include "api/mastodon/emoji_serializer.hpp"

#include "api/mastodon/media_serializer.hpp"

namespace lox::api::mastodon {

void write_emojis(JsonWriter& w, const config::Config& config,
                  const std::vector<domain::CustomEmoji>& emojis) {
  w.key("emojis");
  w.begin_array();
  for (const auto& e : emojis) {
    begin_emoji(w, config, e);
    w.end_object();
  }
  w.end_array();
}

void begin_emoji(JsonWriter& w, const config::Config& config, const domain::CustomEmoji& e) {
  w.begin_object();
  w.field("shortcode", e.shortcode);
  w.field("url", media_url(config, e.image_key));
  w.field("static_url", media_url(config, e.static_key));
  w.bool_field("visible_in_picker", e.visible_in_picker);
  w.field("category", e.category);
}

}  // namespace lox::api::mastodon
