// Link preview cards: what a page's head says about it, read as Mastodon's
// LinkDetailsExtractor reads it, and which links of a status are worth a card.
#include <loxodon/media/link_details.hpp>

#include <gtest/gtest.h>

namespace lox::media {
namespace {

TEST(LinkDetails, OpenGraphComesFirst) {
  const std::string html = R"(<!doctype html><html lang="en-GB"><head>
    <title>Plain title</title>
    <meta name="description" content="plain description">
    <meta property="og:title" content="  The &amp; OpenGraph
       title ">
    <meta property="og:description" content="What it is about">
    <meta property="og:site_name" content="Example News">
    <meta property="og:url" content="https://example.com/canonical">
    <meta property="og:image" content="/images/cover.jpg">
    <meta property="og:image:alt" content="A cover">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2026-01-02T03:04:05Z">
    </head><body><meta property="og:title" content="not in the head"></body></html>)";
  auto d = read_link_details(html, "https://example.com/article?id=1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->title, "The & OpenGraph title");
  EXPECT_EQ(d->description, "What it is about");
  EXPECT_EQ(d->provider_name, "Example News");
  EXPECT_EQ(d->url, "https://example.com/canonical");
  EXPECT_EQ(d->image_url, "https://example.com/images/cover.jpg");
  EXPECT_EQ(d->image_description, "A cover");
  EXPECT_EQ(d->author_name, "Jane Doe");
  EXPECT_EQ(d->language, "en");
  EXPECT_EQ(d->published_at, "2026-01-02T03:04:05.000Z");
  EXPECT_EQ(d->type, "link");
  EXPECT_FALSE(d->embed_url);
}

TEST(LinkDetails, FallsBackToTwitterThenPlainHtml) {
  auto twitter = read_link_details(
      R"(<head><meta name="twitter:title" content="Tw"><meta name="twitter:image"
         content="//cdn.example/i.png"><meta name="twitter:player"
         content="https://video.example/embed/1"><meta name="twitter:player:width" content="640">
         <meta name="twitter:player:height" content="360"></head>)",
      "https://video.example/watch/1");
  ASSERT_TRUE(twitter);
  EXPECT_EQ(twitter->title, "Tw");
  EXPECT_EQ(twitter->image_url, "https://cdn.example/i.png");
  EXPECT_EQ(twitter->type, "video");
  EXPECT_EQ(twitter->embed_url, "https://video.example/embed/1");
  EXPECT_EQ(twitter->width, 640);
  EXPECT_EQ(twitter->height, 360);

  auto plain = read_link_details(
      "<html><head><title>Just a title</title><meta name=description content=Desc></head>",
      "http://plain.example/");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->title, "Just a title");
  EXPECT_EQ(plain->description, "Desc");
  EXPECT_EQ(plain->url, "http://plain.example/");
  EXPECT_FALSE(plain->image_url);
}

TEST(LinkDetails, HostileOrEmptyPagesMakeNoCardOrASafeOne) {
  EXPECT_FALSE(read_link_details("", "https://x.example/"));
  EXPECT_FALSE(
      read_link_details("<html><body><h1>No head</h1></body></html>", "https://x.example/"));
  auto d = read_link_details(
      R"html(<head><title><script>alert(1)</script>Title</title>
         <meta property="og:title" content="<b>bold</b>">
         <meta property="og:image" content="javascript:alert(1)">
         <meta property="og:url" content="data:text/html,x">
         <meta name="twitter:player" content="http://insecure.example/player">
         </head>)html",
      "https://x.example/page");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->title, "<b>bold</b>");  // plain text: the client escapes it
  EXPECT_FALSE(d->image_url);
  EXPECT_EQ(d->url, "https://x.example/page");
  EXPECT_FALSE(d->embed_url);  // players only over https
  // A canonical address on another origin, and a time that is not one, are left out.
  auto elsewhere = read_link_details(
      R"html(<head><title>T</title><meta property="og:url" content="https://phish.example/x">
         <meta property="article:published_time" content="last Tuesday"></head>)html",
      "https://news.example/story");
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->url, "https://news.example/story");
  EXPECT_FALSE(elsewhere->published_at);
  EXPECT_EQ(d->type, "link");
  // Long values are cut at a character boundary.
  std::string long_title(400, 'a');
  long_title += "\xC3\xA9";
  auto cut = read_link_details("<title>" + long_title + "</title>", "https://x.example/");
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->title.size(), 250u);
}

TEST(LinkDetails, CardLinksSkipMentionsHashtagsAndOurOwnPages) {
  const std::string content =
      R"(<p><span class="h-card"><a href="https://remote.example/@bob" class="u-url mention">@<span>bob</span></a></span>
      <a href="https://here.example/tags/cats" class="mention hashtag" rel="tag">#<span>cats</span></a>
      <a href="https://here.example/@alice/1">our own page</a>
      <a href="mailto:x@example.com">mail</a>
      <a href="https://news.example/story" rel="nofollow noopener">news</a>
      <a href="https://second.example/">second</a></p>)";
  auto links = card_candidate_links(content, "https://here.example");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0], "https://news.example/story");
  EXPECT_EQ(links[1], "https://second.example/");
  EXPECT_TRUE(card_candidate_links("<p>no links</p>", "https://here.example").empty());
}

}  // namespace
}  // namespace lox::media
