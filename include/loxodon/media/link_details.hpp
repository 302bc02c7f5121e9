#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lox::media {

// What a web page says about itself for a preview card, read from its <head> as Mastodon's
// LinkDetailsExtractor reads it: OpenGraph, then Twitter cards, then plain HTML (<title>,
// <meta name="description">). Every value is plain text, bounded, and URLs are absolute
// http(s) URLs or absent.
struct LinkDetails {
  std::string url;  // og:url when it is on the page's origin, else the page's own URL
  std::string title;
  std::string description;
  std::string type = "link";  // "video" when the page offers a player to embed
  std::string author_name;
  std::string author_url;
  std::string provider_name;  // og:site_name
  std::optional<std::string> image_url;
  std::string image_description;         // og:image:alt
  std::optional<std::string> embed_url;  // twitter:player (https only)
  int width = 0;                         // of the player
  int height = 0;
  std::optional<std::string> language;      // <html lang> or og:locale, two letters
  std::optional<std::string> published_at;  // article:published_time, as written
};

// Nothing when the page gives no title at all (Mastodon makes no card then).
std::optional<LinkDetails> read_link_details(std::string_view html, const std::string& page_url);

// The links of a status's HTML worth a preview card, in order: http(s) links that are not
// mentions or hashtags (rel="tag", class mention/hashtag/u-url/h-card) and not on `own_origin`.
std::vector<std::string> card_candidate_links(std::string_view content_html,
                                              const std::string& own_origin);

}  // namespace lox::media
