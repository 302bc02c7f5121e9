#include <loxodon/activitypub/emoji_documents.hpp>

namespace lox::activitypub {

namespace {
// Stored emoji keep the extension of the format they were written in.
const char* media_type_of(const std::string& key) {
  auto dot = key.rfind('.');
  std::string ext = dot == std::string::npos ? "" : key.substr(dot + 1);
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "avif") return "image/avif";
  return "image/png";
}
}  // namespace

nlohmann::json emoji_tag(const config::Config& config, const domain::CustomEmoji& emoji) {
  return {{"id", config.base_url() + "/emojis/" + emoji.shortcode},
          {"type", "Emoji"},
          {"name", ":" + emoji.shortcode + ":"},
          {"icon",
           {{"type", "Image"},
            {"mediaType", media_type_of(emoji.image_key)},
            {"url", config.media_url(emoji.image_key)}}}};
}

}  // namespace lox::activitypub
