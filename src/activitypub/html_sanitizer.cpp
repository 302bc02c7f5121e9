#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/html_shape.hpp>

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <sstream>

namespace lox::activitypub {

namespace {

// Stricter than Mastodon (which also lets dat:, ipfs:, xmpp: and a few more through): a link
// from another server that we serve leads to the web, nowhere else.
constexpr std::array<std::string_view, 2> kProtocols = {"http", "https"};
// Gumbo adds a few levels of its own (html, body, re-opened formatting elements) to what
// reduce_html lets through; the walk never goes deeper than this.
constexpr int kMaxWalkDepth = 96;
// The elements kept, for the reducer and the walk alike; headings too (the walk turns them into
// bold paragraphs).
constexpr std::array<std::string_view, 25> kAllowed = {
    "p",  "br", "span", "a",  "del",  "s",  "pre", "blockquote", "code", "b",  "strong", "u", "i",
    "em", "ul", "ol",   "li", "ruby", "rt", "h1",  "h2",         "h3",   "h4", "h5",     "h6"};
// Dropped with their content; title too, which gumbo would put in <head>, where nothing is kept.
constexpr std::array<std::string_view, 11> kDropWithContent = {
    "script", "style", "iframe",   "noscript", "noembed", "noframes",
    "svg",    "math",  "template", "object",   "title"};

bool shape_attribute(std::string_view element, std::string_view attribute) {
  if (element == "a") return attribute == "href" || attribute == "class";
  if (element == "span" || element == "p") return attribute == "class";
  if (element == "ol") return attribute == "start" || attribute == "reversed";
  return false;
}

constexpr HtmlShape kShape{kAllowed, kDropWithContent, shape_attribute, 32};
constexpr std::array<std::string_view, 4> kClassWords = {"mention", "hashtag", "ellipsis",
                                                         "invisible"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

std::string tag_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece original = e.original_tag;
  gumbo_tag_from_original_text(&original);
  return domain::lowercase(std::string_view(original.data, original.length));
}

const char* attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

// Only microformat classes and Mastodon's own survive.
std::string allowed_classes(const char* value) {
  if (value == nullptr) return "";
  std::istringstream words{std::string(value)};
  std::string out;
  for (std::string w; words >> w;) {
    bool micro = w.starts_with("h-") || w.starts_with("p-") || w.starts_with("u-") ||
                 w.starts_with("dt-") || w.starts_with("e-");
    if (micro || in(kClassWords, w)) out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

bool allowed_href(const char* href) {
  if (href == nullptr) return false;
  std::string_view h(href);
  auto colon = h.find(':');
  if (colon == std::string_view::npos) return false;  // relative links point at us, not them
  return in(kProtocols, domain::lowercase(h.substr(0, colon)));
}

void attr(std::string& out, const char* name, const std::string& value) {
  out += " ";
  out += name;
  out += "=\"" + html_escape(value) + "\"";
}

void walk(const GumboNode* node, std::string& out, int depth);

void children(const GumboElement& e, std::string& out, int depth) {
  if (depth > kMaxWalkDepth) return;
  for (unsigned i = 0; i < e.children.length; ++i) {
    walk(static_cast<const GumboNode*>(e.children.data[i]), out, depth + 1);
  }
}

void element(const GumboElement& e, std::string& out, int depth) {
  std::string name = tag_name(e);
  if (in(kDropWithContent, name)) return;
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
    out += "<p><strong>";
    children(e, out, depth);
    out += "</strong></p>";
    return;
  }
  if (!in(kAllowed, name)) {
    children(e, out, depth);  // the tag goes, its text stays
    return;
  }
  if (name == "a" && !allowed_href(attribute(e, "href"))) name = "span";
  if (name == "br") {
    out += "<br>";
    return;
  }
  out += "<" + name;
  if (name == "a") {
    attr(out, "href", attribute(e, "href"));
    attr(out, "rel", "nofollow noopener");
    attr(out, "target", "_blank");
  }
  if (name == "a" || name == "span" || name == "p") {
    std::string classes = allowed_classes(attribute(e, "class"));
    if (!classes.empty()) attr(out, "class", classes);
  }
  if (name == "ol") {
    if (const char* start = attribute(e, "start")) {
      std::string s(start);
      if (!s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), ::isdigit)) {
        attr(out, "start", s);
      }
    }
    if (attribute(e, "reversed") != nullptr) out += " reversed";
  }
  out += ">";
  children(e, out, depth);
  out += "</" + name + ">";
}

void walk(const GumboNode* node, std::string& out, int depth) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      out += html_escape(node->v.text.text);
      break;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      element(node->v.element, out, depth);
      break;
    default:  // comments, the document
      break;
  }
}

}  // namespace

std::string sanitize_html(std::string_view html, std::size_t max_bytes) {
  if (html.size() > max_bytes) html = utf8_prefix(html, max_bytes);
  const std::string reduced = reduce_html(html, kShape);
  // Parse errors are not used, and recording them copies the stack of open elements each time.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, reduced.data(), reduced.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  // The fragment is what the parser put in <body> (and <head>, for stray <title> and the like,
  // which carries nothing we keep).
  const GumboElement& root = output->root->v.element;
  std::string out;
  for (unsigned i = 0; i < root.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(root.children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) {
      children(child->v.element, out, 0);
    }
  }
  return out;
}

}  // namespace lox::activitypub
