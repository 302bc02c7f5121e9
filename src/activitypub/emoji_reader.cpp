#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/domain/custom_emoji.hpp>
#include <loxodon/util/http_url.hpp>

#include <algorithm>

namespace lox::activitypub {

using nlohmann::json;

namespace {

// The icon's URL: {"url": "…"}, {"url": {"href": "…"}}, a bare string, or the first of an array.
// Arrays count as their first element, nested no deeper than this.
std::string icon_url(const json& icon_value) {
  constexpr int kMaxNesting = 4;
  const json* icon = &icon_value;
  for (int level = 0; icon->is_array() && level < kMaxNesting; ++level) {
    if (icon->empty()) return "";
    icon = &(*icon)[0];
  }
  if (icon->is_string()) return icon->get<std::string>();
  if (!icon->is_object() || !icon->contains("url")) return "";
  const json* url = &(*icon)["url"];
  for (int level = 0; url->is_array() && level < kMaxNesting; ++level) {
    if (url->empty()) return "";
    url = &(*url)[0];
  }
  if (url->is_string()) return url->get<std::string>();
  if (url->is_object() && url->contains("href") && (*url)["href"].is_string()) {
    return (*url)["href"].get<std::string>();
  }
  return "";
}

}  // namespace

std::vector<RemoteEmoji> read_emojis(const json& object,
                                     const std::vector<std::string_view>& texts) {
  std::vector<RemoteEmoji> out;
  if (!object.is_object() || !object.contains("tag")) return out;
  json tags = object["tag"].is_array() ? object["tag"] : json::array({object["tag"]});
  for (const auto& tag : tags) {
    if (out.size() >= kMaxEmojisPerObject) break;
    if (!tag.is_object() || tag.value("type", json()) != "Emoji") continue;
    if (!tag.contains("name") || !tag["name"].is_string()) continue;
    std::string name = tag["name"].get<std::string>();
    if (name.size() >= 2 && name.front() == ':' && name.back() == ':') {
      name = name.substr(1, name.size() - 2);
    }
    if (!domain::valid_emoji_shortcode(name)) continue;
    RemoteEmoji emoji;
    emoji.shortcode = name;
    emoji.image_url = icon_url(tag.value("icon", json()));
    if (!is_http_url(emoji.image_url) || emoji.image_url.size() > 2048) continue;
    emoji.uri = id_of(tag);
    if (!is_http_url(emoji.uri)) emoji.uri.clear();
    if (tag.contains("updated") && tag["updated"].is_string()) {
      emoji.updated = tag["updated"].get<std::string>().substr(0, 64);
    }
    const std::string needle = ":" + name + ":";
    bool used = std::any_of(texts.begin(), texts.end(), [&](std::string_view text) {
      return text.find(needle) != std::string_view::npos;
    });
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const RemoteEmoji& e) { return e.shortcode == name; });
    if (used && !seen) out.push_back(std::move(emoji));
  }
  return out;
}

}  // namespace lox::activitypub
