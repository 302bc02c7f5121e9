#include <loxodon/media/link_details.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/html_shape.hpp>
#include <loxodon/util/http_url.hpp>
#include <loxodon/util/time_format.hpp>

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>

namespace lox::media {

namespace {

constexpr std::size_t kMaxTitle = 250;  // Mastodon's PreviewCard limits
constexpr std::size_t kMaxDescription = 1000;
constexpr std::size_t kMaxName = 250;
constexpr std::size_t kMaxUrl = 2048;

// What a card is made of (the head's title and meta tags, links in a post), reduced before
// gumbo sees it: gumbo's cost grows with the square of the nesting it is given.
constexpr std::array<std::string_view, 7> kPageKeep = {"html", "head", "body", "title",
                                                       "meta", "link", "a"};
constexpr std::array<std::string_view, 9> kPageDrop = {
    "script", "style", "iframe", "noscript", "noembed", "noframes", "svg", "math", "template"};
constexpr std::size_t kMaxTitleSource = 4096;

bool page_attribute(std::string_view element, std::string_view attribute) {
  if (element == "meta")
    return attribute == "property" || attribute == "name" || attribute == "content";
  if (element == "a") return attribute == "href" || attribute == "class" || attribute == "rel";
  return element == "html" && attribute == "lang";
}

constexpr HtmlShape kPageShape{kPageKeep, kPageDrop, page_attribute, 8};

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboDocument = std::unique_ptr<GumboOutput, GumboDeleter>;

GumboDocument parse(std::string_view html) {
  const std::string reduced = reduce_html(html, kPageShape);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // recording errors copies the stack of open elements each time
  return GumboDocument(gumbo_parse_with_options(&options, reduced.data(), reduced.size()));
}

std::string attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : "";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Whitespace collapsed, cut at a character boundary, never markup.
std::string plain(std::string_view text, std::size_t limit) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  out = to_valid_utf8(out);
  if (out.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

bool http_url(const std::string& url) { return is_http_url(url) && url.size() <= kMaxUrl; }

// Resolves a path or protocol-relative URL against the page (enough for what pages put in
// og:image: absolute URLs, "//host/x", "/x").
std::optional<std::string> absolute(const std::string& value, const std::string& page_url) {
  std::string v = plain(value, kMaxUrl);
  if (v.empty()) return std::nullopt;
  if (http_url(v)) return v;
  auto scheme_end = page_url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  std::string resolved;
  if (v.starts_with("//")) {
    resolved = page_url.substr(0, scheme_end + 1) + v;
  } else if (v.starts_with("/")) {
    auto path = page_url.find('/', scheme_end + 3);
    resolved = page_url.substr(0, path) + v;
  }
  if (!resolved.empty() && http_url(resolved)) return resolved;
  return std::nullopt;
}

// scheme://host[:port] of an http(s) URL, lowercase.
std::string origin(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  auto end = url.find_first_of("/?#", scheme_end + 3);
  return lower(url.substr(0, end));
}

// A title is text; only kept elements (a) can nest inside it, and not far.
void text_of(const GumboNode* node, std::string& out, int depth = 0) {
  if (out.size() > kMaxTitleSource || depth > 16) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
  } else if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      text_of(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
    }
  }
}

struct Head {
  std::map<std::string, std::string> meta;  // property or name (lowercase) -> first content
  std::string title;
  std::string lang;
};

void collect(const GumboNode* node, Head& head, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 64) return;
  const GumboElement& e = node->v.element;
  if (e.tag == GUMBO_TAG_HTML) head.lang = attribute(e, "lang");
  if (e.tag == GUMBO_TAG_META) {
    std::string key = lower(attribute(e, "property"));
    if (key.empty()) key = lower(attribute(e, "name"));
    if (!key.empty() && !head.meta.count(key)) head.meta[key] = attribute(e, "content");
  }
  if (e.tag == GUMBO_TAG_TITLE && head.title.empty()) text_of(node, head.title);
  if (e.tag == GUMBO_TAG_BODY) return;  // what a card needs is in the head
  for (unsigned i = 0; i < e.children.length; ++i) {
    collect(static_cast<const GumboNode*>(e.children.data[i]), head, depth + 1);
  }
}

std::string first_of(const Head& head, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = head.meta.find(key);
    if (it != head.meta.end() && !it->second.empty()) return it->second;
  }
  return "";
}

int dimension(const std::string& value) {
  int n = 0;
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  return ec == std::errc() && n > 0 && n <= 4096 ? n : 0;
}

std::optional<std::string> language(std::string tag) {
  tag = lower(plain(tag, 16));
  if (tag.size() < 2 || !std::isalpha(static_cast<unsigned char>(tag[0])) ||
      !std::isalpha(static_cast<unsigned char>(tag[1]))) {
    return std::nullopt;
  }
  if (tag.size() > 2 && tag[2] != '-' && tag[2] != '_') return std::nullopt;
  return tag.substr(0, 2);
}

bool has_word(const std::string& list, const char* word) {
  std::string padded = " " + lower(list) + " ";
  return padded.find(std::string(" ") + word + " ") != std::string::npos;
}

void links_in(const GumboNode* node, const std::string& own_origin, std::vector<std::string>& out,
              int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 128) return;
  const GumboElement& e = node->v.element;
  if (e.tag == GUMBO_TAG_A) {
    std::string href = attribute(e, "href");
    std::string cls = attribute(e, "class");
    bool skipped = has_word(attribute(e, "rel"), "tag") || has_word(cls, "mention") ||
                   has_word(cls, "hashtag") || has_word(cls, "u-url") || has_word(cls, "h-card");
    auto host_start = href.find("://");
    bool has_host = host_start != std::string::npos && href.size() > host_start + 3 &&
                    href[host_start + 3] != '/';
    bool own = href == own_origin || href.starts_with(own_origin + "/");
    if (!skipped && http_url(href) && has_host && !own) out.push_back(href);
  }
  for (unsigned i = 0; i < e.children.length; ++i) {
    links_in(static_cast<const GumboNode*>(e.children.data[i]), own_origin, out, depth + 1);
  }
}

}  // namespace

std::optional<LinkDetails> read_link_details(std::string_view html, const std::string& page_url) {
  auto doc = parse(html);
  Head head;
  collect(doc->root, head, 0);
  LinkDetails d;
  d.title = plain(first_of(head, {"og:title", "twitter:title"}), kMaxTitle);
  if (d.title.empty()) d.title = plain(head.title, kMaxTitle);
  if (d.title.empty()) return std::nullopt;
  d.url = page_url;
  // A page may name its canonical address, on its own origin only: a card must not lead
  // somewhere other than where the link went.
  if (auto og_url = absolute(first_of(head, {"og:url"}), page_url);
      og_url && origin(*og_url) == origin(page_url)) {
    d.url = *og_url;
  }
  d.description = plain(first_of(head, {"og:description", "twitter:description", "description"}),
                        kMaxDescription);
  d.provider_name = plain(first_of(head, {"og:site_name"}), kMaxName);
  d.author_name = plain(first_of(head, {"author", "article:author", "twitter:creator"}), kMaxName);
  if (http_url(d.author_name)) {
    // article:author is often the author's page.
    d.author_url = d.author_name;
    d.author_name.clear();
  }
  d.image_url = absolute(first_of(head, {"og:image", "og:image:url", "og:image:secure_url",
                                         "twitter:image", "twitter:image:src"}),
                         page_url);
  d.image_description = plain(first_of(head, {"og:image:alt", "twitter:image:alt"}), kMaxName);
  auto player = absolute(first_of(head, {"twitter:player"}), page_url);
  if (player && player->starts_with("https://")) {
    d.embed_url = *player;
    d.type = "video";
    d.width = dimension(first_of(head, {"twitter:player:width"}));
    d.height = dimension(first_of(head, {"twitter:player:height"}));
  }
  d.language = language(head.lang);
  if (!d.language) d.language = language(first_of(head, {"og:locale"}));
  // An ISO 8601 time, as apps parse it; anything else is left out.
  if (auto published = parse_iso8601(plain(first_of(head, {"article:published_time"}), 40))) {
    d.published_at = format_iso8601_ms(*published);
  }
  return d;
}

std::vector<std::string> card_candidate_links(std::string_view content_html,
                                              const std::string& own_origin) {
  std::vector<std::string> out;
  auto doc = parse(content_html);
  links_in(doc->root, own_origin, out, 0);
  return out;
}

}  // namespace lox::media
