// No document from another server or a browser can exhaust the stack or the memory through its
// shape: JSON is refused past a fixed depth before a tree is built, and HTML is reduced to a
// bounded shape before libgumbo (whose work grows with the square of the nesting) sees it.
// Each case here crashed, or took minutes and gigabytes, before the limits.
#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/media/link_details.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html_shape.hpp>
#include <loxodon/util/json_limits.hpp>

#include <gtest/gtest.h>

#include <string>

namespace lox {
namespace {

using nlohmann::json;

constexpr std::size_t kMiB = 1024 * 1024;

std::string repeated(std::string_view piece, std::size_t total_bytes) {
  std::string out;
  out.reserve(total_bytes + piece.size());
  while (out.size() + piece.size() <= total_bytes) out += piece;
  return out;
}

// Balanced is what a tree walk can rely on: every opened element closed, in order.
bool balanced(const std::string& html) {
  std::vector<std::string> open;
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    std::size_t end = html.find_first_of(" >", i);
    bool closing = html[i + 1] == '/';
    std::string name = html.substr(i + (closing ? 2 : 1), end - i - (closing ? 2 : 1));
    if (name == "br") continue;
    if (!closing) {
      open.push_back(name);
    } else if (open.empty() || open.back() != name) {
      return false;
    } else {
      open.pop_back();
    }
  }
  return open.empty();
}

TEST(HostileJson, OneMebibyteOfNestingIsRefusedBeforeATreeIsBuilt) {
  for (std::string_view opener : {"[", "{\"a\":"}) {
    SCOPED_TRACE(std::string(opener));
    std::string doc = repeated(opener, kMiB);
    EXPECT_THROW(parse_json_limited(doc, kMaxJsonDepth, 2 * kMiB), Error);
    auto discarded = parse_json_or_discarded(doc, kMaxJsonDepth, 2 * kMiB);
    EXPECT_TRUE(discarded.is_discarded());
    EXPECT_FALSE(discarded.is_object());
  }
  // Just inside the limit is a document like any other.
  std::string deep = repeated("[", kMaxJsonDepth) + "1" + repeated("]", kMaxJsonDepth);
  EXPECT_TRUE(parse_json_or_discarded(deep).is_array());
  std::string too_deep = "[" + deep + "]";
  EXPECT_TRUE(parse_json_or_discarded(too_deep).is_discarded());
  try {
    parse_json_limited(too_deep);
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
    EXPECT_STREQ(e.what(), "JSON document is nested too deeply");
  }
  // Over the size cap: refused without reading it.
  EXPECT_TRUE(parse_json_or_discarded(std::string(100, ' ') + "{}", 64, 10).is_discarded());
  EXPECT_TRUE(parse_json_or_discarded("{\"a\": tru").is_discarded());
}

TEST(HostileJson, IdsAndIconsInNestedArraysAreLookedForOnlyAFewLevelsDown) {
  json id = "https://a.example/1";
  for (int i = 0; i < 3; ++i) id = json::array({id});
  EXPECT_EQ(activitypub::id_of(id), "https://a.example/1");
  for (int i = 0; i < 40; ++i) id = json::array({id});
  EXPECT_EQ(activitypub::id_of(id), "");
  json icon = {{"url", json::array({json::array({"https://a.example/e.png"})})}};
  json note = {{"tag", json::array({{{"type", "Emoji"},
                                     {"name", ":blob:"},
                                     {"id", "https://a.example/emojis/1"},
                                     {"icon", icon}}})}};
  auto emojis = activitypub::read_emojis(note, {":blob:"});
  ASSERT_EQ(emojis.size(), 1u);
  EXPECT_EQ(emojis[0].image_url, "https://a.example/e.png");
}

class HostileHtml : public ::testing::TestWithParam<const char*> {};

// A mebibyte of one element nested as deep as it goes: each kind exercises another path of an
// HTML parser (scope checks for blocks, list items, formatting elements re-opened, tables, foreign
// content, elements dropped with their content, and unknown ones).
TEST_P(HostileHtml, AMebibyteNestedAsDeepAsItGoesIsSanitisedBalancedAndShallow) {
  std::string html = repeated(GetParam(), kMiB) + "end";
  std::string out = activitypub::sanitize_html(html, 2 * kMiB);
  EXPECT_TRUE(balanced(out)) << out.substr(0, 200);
  // Linear: formatting elements re-opened in each paragraph (three alike at most, as HTML
  // parsers keep them) can make the output a few times the input, never more.
  EXPECT_LE(out.size(), 4 * kMiB);
  std::size_t depth = 0, deepest = 0;
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != '<' || out.compare(i, 4, "<br>") == 0) continue;
    if (out[i + 1] == '/') {
      --depth;
    } else {
      deepest = std::max(deepest, ++depth);
    }
  }
  EXPECT_LE(deepest, 100u);
}

INSTANTIATE_TEST_SUITE_P(EachShape, HostileHtml,
                         ::testing::Values("<div>", "<blockquote>", "<ul><li>", "<b>", "<i x=1>",
                                           "<a href=\"https://x.example/\">", "<p><b>",
                                           "<table><tr><td>", "<svg>", "<span class=h-card>",
                                           "<em><strong><code>", "<x-unknown>", "<!--", "<a",
                                           "</p><b>"));

// Formatting elements left open, then closed by a block, are re-opened before every later
// piece of text: 43 KB of this made gumbo allocate 1.5 GB in 2 s.
TEST(HostileHtml2, FormattingElementsReopenedByEveryBlockStayLinear) {
  std::string html = "<div>";
  for (int i = 0; i < 20000; ++i) html += "<b x=" + std::to_string(i) + ">";
  html += "</div>";
  for (int i = 0; i < 20000; ++i) html += "<div>x</div>";
  std::string out = activitypub::sanitize_html(html, 2 * kMiB);
  EXPECT_TRUE(balanced(out));
  EXPECT_LT(out.size(), 8 * kMiB);
}

TEST(HostileHtml2, InputBeyondTheCapIsCutAtACharacterBoundary) {
  std::string html = "<p>" + repeated("é", 1000) + "</p>";
  std::string out = activitypub::sanitize_html(html, 100);
  EXPECT_EQ(out, "<p>" + repeated("é", 96) + "</p>");
}

TEST(HostileHtml2, ReducedMarkupKeepsOnlyWhatTheShapeNames) {
  constexpr std::array<std::string_view, 2> keep = {"p", "b"};
  constexpr std::array<std::string_view, 1> drop = {"script"};
  HtmlShape shape{keep, drop, [](std::string_view, std::string_view a) { return a == "class"; }, 2};
  EXPECT_EQ(reduce_html("<P CLASS='x\"y' onclick=z>a<b>b<b>c</b></b></p>", shape),
            "<p class=\"x&quot;y\">a<b>bc</b></p>");
  EXPECT_EQ(reduce_html("a<script>if (a<b) x()</script >b < c <!-- d --> e</b>", shape),
            "ab &lt; c  e");
  EXPECT_EQ(reduce_html("<p>one<p>two", shape), "<p>one</p><p>two</p>");
  EXPECT_EQ(reduce_html("<b title=\"unterminated", shape), "");
}

TEST(HostileHtml2, LinkPagesNestedDeeplyStillGiveTheirCard) {
  std::string page =
      "<html><head><title>Deep</title>"
      "<meta property=\"og:description\" content=\"d\"></head><body>" +
      repeated("<div><ul><li>", kMiB) + "</body></html>";
  auto details = media::read_link_details(page, "https://x.example/page");
  ASSERT_TRUE(details);
  EXPECT_EQ(details->title, "Deep");
  EXPECT_EQ(details->description, "d");
  auto links = media::card_candidate_links(repeated("<b><a href=\"https://y.example/\">", kMiB),
                                           "https://us.example");
  EXPECT_FALSE(links.empty());
}

TEST(HostileNote, ContentSummaryAndNameAreCappedAndLinksAreWebAddresses) {
  json note = {{"type", "Article"},
               {"id", "https://a.example/notes/1"},
               {"attributedTo", "https://a.example/users/a"},
               {"to", json::array({"https://www.w3.org/ns/activitystreams#Public"})},
               {"name", repeated("n", 10000)},
               {"content", "<p>" + repeated("c", kMiB) + "</p>"},
               {"summary", repeated("s", 100000)},
               {"url", json::array({"javascript:alert(1)", "https://a.example/@a/1"})}};
  auto n = activitypub::read_note(note);
  ASSERT_TRUE(n);
  EXPECT_LE(n->content_html.size(),
            activitypub::kMaxRemoteContentBytes + activitypub::kMaxRemoteNameBytes + 64);
  EXPECT_EQ(n->summary.size(), activitypub::kMaxRemoteSummaryBytes);
  EXPECT_EQ(n->url, "https://a.example/@a/1");
  note["url"] = "javascript:alert(1)";
  EXPECT_FALSE(activitypub::read_note(note)->url.has_value());
  note["url"] = {{"type", "Link"}, {"href", "data:text/html,<script>alert(1)</script>"}};
  EXPECT_FALSE(activitypub::read_note(note)->url.has_value());
}

}  // namespace
}  // namespace lox
