#pragma once

#include <optional>
#include <string>

namespace lox::domain {

// A link preview card as the client API shows it (Mastodon's PreviewCard entity).
struct PreviewCard {
  std::string url;
  std::string title;
  std::string description;
  std::string type = "link";
  std::string author_name;
  std::string author_url;
  std::string provider_name;
  std::string provider_url;
  std::string html;
  int width = 0;
  int height = 0;
  std::optional<std::string> image_key;  // in the media store
  int image_width = 0;
  int image_height = 0;
  std::string image_description;
  std::optional<std::string> blurhash;
  std::string embed_url;
  std::optional<std::string> language;
  std::optional<std::string> published_at;
};

}  // namespace lox::domain
