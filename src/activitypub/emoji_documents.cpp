#include <loxodon/activitypub/emoji_documents.hpp>
#include <loxodon/activitypub/image_document.hpp>

namespace lox::activitypub {

nlohmann::json emoji_tag(const config::Config& config, const domain::CustomEmoji& emoji) {
  return {{"id", config.base_url() + "/emojis/" + emoji.shortcode},
          {"type", "Emoji"},
          {"name", ":" + emoji.shortcode + ":"},
          {"icon", image_document(config, emoji.image_key)}};
}

}  // namespace lox::activitypub
