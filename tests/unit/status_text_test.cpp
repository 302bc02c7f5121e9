#include <loxodon/domain/status_text.hpp>

#include <gtest/gtest.h>

namespace lox::domain {
namespace {

std::optional<ResolvedMention> resolver(const MentionToken& m) {
  if (m.username == "bob" && !m.domain)
    return ResolvedMention{2, "bob", "bob", "https://s.example/@bob"};
  if (m.username == "carol" && m.domain == "localhost:8081") {
    return ResolvedMention{3, "carol", "carol@localhost:8081", "http://localhost:8081/@carol"};
  }
  return std::nullopt;
}

RenderedStatusText render(std::string_view text) {
  return render_status_text(text, resolver, "https://s.example");
}

TEST(StatusText, ParagraphsLineBreaksAndEscaping) {
  EXPECT_EQ(render("Hello <b>world</b> & co").html,
            "<p>Hello &lt;b&gt;world&lt;/b&gt; &amp; co</p>");
  EXPECT_EQ(render("one\ntwo\n\n\nthree\r\n").html, "<p>one<br />two</p><p>three</p>");
  EXPECT_EQ(render("   \n ").html, "");
}

TEST(StatusText, LinksAreShortenedLikeMastodon) {
  auto r = render("see https://example.com/a, ok");
  EXPECT_EQ(r.html,
            "<p>see <a href=\"https://example.com/a\" target=\"_blank\" rel=\"nofollow noopener "
            "noreferrer\" translate=\"no\"><span class=\"invisible\">https://</span><span "
            "class=\"\">example.com/a</span><span class=\"invisible\"></span></a>, ok</p>");
  auto long_url = render("https://example.com/a/very/long/path/that/goes/on/and/on");
  EXPECT_NE(long_url.html.find("<span class=\"ellipsis\">example.com/a/very/long/path/t</span>"
                               "<span class=\"invisible\">hat/goes/on/and/on</span>"),
            std::string::npos);
  EXPECT_NE(render("(https://en.wikipedia.org/wiki/Elephant_(disambiguation))")
                .html.find("href=\"https://en.wikipedia.org/wiki/Elephant_(disambiguation)\""),
            std::string::npos);
  EXPECT_EQ(render("javascript:alert(1) and ftp://x").html,
            "<p>javascript:alert(1) and ftp://x</p>");
  EXPECT_NE(
      render("https://x.example/\"onmouseover=alert(1)").html.find("href=\"https://x.example/\""),
      std::string::npos);
}

TEST(StatusText, MentionsAndHashtags) {
  auto r = render("hi @bob and @carol@localhost:8081, #Elephants #123 #c4t a@b.c @nobody");
  ASSERT_EQ(r.mentions.size(), 2u);
  EXPECT_EQ(r.mentions[1].acct, "carol@localhost:8081");
  EXPECT_EQ(r.tags, (std::vector<std::string>{"elephants", "c4t"}));
  EXPECT_NE(
      r.html.find("<span class=\"h-card\" translate=\"no\"><a href=\"https://s.example/@bob\" "
                  "class=\"u-url mention\">@<span>bob</span></a></span>"),
      std::string::npos);
  EXPECT_NE(r.html.find("<a href=\"https://s.example/tags/elephants\" class=\"mention hashtag\" "
                        "rel=\"tag\">#<span>Elephants</span></a>"),
            std::string::npos);
  EXPECT_NE(r.html.find("#123"), std::string::npos);     // digits only: not a tag
  EXPECT_NE(r.html.find("a@b.c"), std::string::npos);    // an address, not a mention
  EXPECT_NE(r.html.find("@nobody"), std::string::npos);  // unresolved stays text
  auto found = find_mentions("@bob @carol@localhost:8081 x@y");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].domain, "localhost:8081");
}

TEST(StatusText, LengthCountsUrlsAs23AndRemoteMentionsWithoutDomain) {
  EXPECT_EQ(status_length("héllo"), 5u);
  EXPECT_EQ(status_length("https://example.com/" + std::string(100, 'a')), 23u);
  EXPECT_EQ(status_length("@carol@localhost:8081 hi"), 9u);  // "@carol" + " hi"
}

}  // namespace
}  // namespace lox::domain
