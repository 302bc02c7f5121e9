// Fuzzes the readers of HTML from other servers: posts, bios and field values are sanitised
// (activitypub::sanitize_html) and served to browsers and apps; linked pages are read for
// preview cards (media::read_link_details) and post bodies for links to preview
// (media::card_candidate_links). All of them go through lox::reduce_html first, which bounds
// what libgumbo is given.
//
// Besides crashes, the promises that make these safe to serve are checked on every output (each
// check costs one pass over it) and abort() when broken: a sanitised fragment has only allowed,
// balanced tags, no script and links to http(s) only; reduce_html keeps only its shape's
// elements, balanced and no deeper than its limit; card details are bounded plain text with
// http(s) URLs.
#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/media/link_details.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/html_shape.hpp>
#include <loxodon/util/http_url.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::span<const std::string_view> set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

// Walks the tags of `html`, whose text is escaped (so every '<' opens a tag): each tag's name
// must be in `allowed`, tags must balance (void elements aside) and nest at most `max_depth`
// deep. Calls `check_tag` with each start tag's text between the name and '>'.
template <class CheckTag>
void check_tags(std::string_view html, std::span<const std::string_view> allowed,
                std::size_t max_depth, CheckTag check_tag) {
  std::vector<std::string_view> open;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    const bool end = pos + 1 < html.size() && html[pos + 1] == '/';
    const std::size_t name_start = pos + (end ? 2 : 1);
    const std::size_t close = html.find('>', name_start);
    if (close == std::string_view::npos) std::abort();  // an unterminated tag
    std::size_t name_end = html.find_first_of(" >", name_start);
    const std::string_view name = html.substr(name_start, name_end - name_start);
    if (!contains(allowed, name)) std::abort();
    if (end) {
      if (open.empty() || open.back() != name) std::abort();  // unbalanced
      open.pop_back();
    } else {
      check_tag(html.substr(name_end, close - name_end));
      if (name != "br") {
        open.push_back(name);
        if (open.size() > max_depth) std::abort();
      }
    }
    pos = close + 1;
  }
  if (!open.empty()) std::abort();
}

// html_sanitizer.hpp: the elements sanitize_html may write.
constexpr std::array<std::string_view, 19> kSanitizedTags = {
    "p",      "br", "span", "a",  "del", "s",  "pre", "blockquote", "code", "b",
    "strong", "u",  "i",    "em", "ul",  "ol", "li",  "ruby",       "rt"};

// Calls `check(name, value)` for each attribute of a start tag's attribute text, as the
// writers above produce it: ` name="value"` (values escaped, so no '"' inside) or ` name`.
template <class Check>
void for_each_attribute(std::string_view text, Check check) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    const std::size_t name_end = std::min(text.find_first_of(" =", pos), text.size());
    const std::string_view name = text.substr(pos, name_end - pos);
    std::string_view value;
    pos = name_end;
    if (pos < text.size() && text[pos] == '=') {
      if (pos + 1 >= text.size() || text[pos + 1] != '"') std::abort();
      const std::size_t quote = text.find('"', pos + 2);
      if (quote == std::string_view::npos) std::abort();
      value = text.substr(pos + 2, quote - pos - 2);
      pos = quote + 1;
    }
    check(name, value);
  }
}

// The attributes sanitize_html writes (html_sanitizer.cpp): no event handlers, no style.
constexpr std::array<std::string_view, 6> kSanitizedAttributes = {"href",  "rel",   "target",
                                                                  "class", "start", "reversed"};

// The brief's "never javascript:" is checked where it could run, at the start of an attribute
// value; the word in text or inside a URL's path is harmless and does occur.
void check_sanitized(std::string_view out) {
  const std::string folded = lower(out);
  if (folded.find("<script") != std::string::npos) std::abort();
  check_tags(folded, kSanitizedTags, SIZE_MAX, [](std::string_view attributes) {
    for_each_attribute(attributes, [](std::string_view name, std::string_view value) {
      if (!contains(kSanitizedAttributes, name)) std::abort();
      if (value.starts_with("javascript:")) std::abort();
      // Links lead to the web only: every href is http(s).
      if (name == "href" && !value.starts_with("http:") && !value.starts_with("https:")) {
        std::abort();
      }
    });
  });
}

// A shape of our own for reduce_html, with a small depth so the limit is reached.
constexpr std::array<std::string_view, 10> kKeep = {"p",  "a",  "b",  "i",    "ul",
                                                    "ol", "li", "br", "span", "h1"};
constexpr std::array<std::string_view, 3> kDrop = {"script", "style", "title"};
constexpr std::size_t kDepth = 8;
bool keep_attribute(std::string_view element, std::string_view attribute) {
  return element == "a" && (attribute == "href" || attribute == "class");
}
constexpr lox::HtmlShape kShape{kKeep, kDrop, keep_attribute, kDepth};

void check_reduced(std::string_view out) {
  if (lower(out).find("<script") != std::string::npos) std::abort();
  check_tags(out, kKeep, kDepth, [](std::string_view) {});
}

constexpr std::string_view kPageOrigin = "https://example.com";

// link_details.hpp: plain text, bounded (Mastodon's PreviewCard limits), absolute http(s) URLs.
void check_details(const lox::media::LinkDetails& d, const std::string& page_url) {
  auto text_ok = [](const std::string& s, std::size_t limit) {
    return s.size() <= limit && lox::valid_utf8(s);
  };
  if (d.title.empty() || !text_ok(d.title, 250) || !text_ok(d.description, 1000) ||
      !text_ok(d.provider_name, 250) || !text_ok(d.author_name, 250) ||
      !text_ok(d.image_description, 250)) {
    std::abort();
  }
  // og:url is taken only on the page's own origin (any case): a card leads where the link went.
  const std::string url = lower(d.url);
  if (d.url != page_url &&
      !(url.starts_with(kPageOrigin) &&
        (url.size() == kPageOrigin.size() ||
         std::string_view("/?#").find(url[kPageOrigin.size()]) != std::string_view::npos))) {
    std::abort();
  }
  if (d.image_url && !lox::is_http_url(*d.image_url)) std::abort();
  if (d.embed_url && !d.embed_url->starts_with("https://")) std::abort();
  if (!d.author_url.empty() && !lox::is_http_url(d.author_url)) std::abort();
  if (d.width < 0 || d.width > 4096 || d.height < 0 || d.height > 4096) std::abort();
  if (d.language && d.language->size() != 2) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);

  check_sanitized(lox::activitypub::sanitize_html(html));
  check_reduced(lox::reduce_html(html, kShape));

  const std::string page_url = "https://example.com/articles/1";
  if (auto details = lox::media::read_link_details(html, page_url)) {
    check_details(*details, page_url);
  }
  const std::string own_origin = "https://loxodon.example";
  for (const auto& link : lox::media::card_candidate_links(html, own_origin)) {
    if (!lox::is_http_url(link) || link == own_origin || link.starts_with(own_origin + "/")) {
      std::abort();
    }
  }
  return 0;
}
