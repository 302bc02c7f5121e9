#include "api/mastodon/media_serializer.hpp"

namespace lox::api::mastodon {

using nlohmann::json;

std::string media_url(const config::Config& config, const std::string& key) {
  return config.media_url(key);
}

json media_json(const config::Config& config, const domain::MediaAttachment& m) {
  static constexpr const char* kTypes[] = {"image", "gifv", "video", "audio"};
  const char* type = m.kind >= 0 && m.kind < 4 ? kTypes[m.kind] : "unknown";
  // A remote attachment not cached here (yet, or any more): Mastodon's "unknown", linking to
  // where it lives.
  const bool uncached_remote = m.remote_url && m.state != 1;
  if (uncached_remote) type = "unknown";
  json meta = json::parse(m.meta, nullptr, false);
  if (!meta.is_object()) meta = json::object();
  if (m.kind == 0) meta["focus"] = {{"x", m.focus_x}, {"y", m.focus_y}};
  auto url = [&](const std::optional<std::string>& key) {
    return m.state == 1 && key ? json(media_url(config, *key)) : json(nullptr);
  };
  return {{"id", std::to_string(m.id)},
          {"type", type},
          {"url", uncached_remote ? json(*m.remote_url) : url(m.file_key)},
          {"preview_url", url(m.small_key)},
          {"remote_url", m.remote_url ? json(*m.remote_url) : json(nullptr)},
          {"preview_remote_url", nullptr},
          {"text_url", nullptr},
          {"meta", meta},
          {"description", m.description.empty() ? json(nullptr) : json(m.description)},
          {"blurhash", m.blurhash ? json(*m.blurhash) : json(nullptr)}};
}

}  // namespace lox::api::mastodon
