// Remote identities and addresses are well formed: usernames follow Mastodon's rule for remote
// accounts, and only web addresses (on the actor's own host, for its profile page) are kept.
#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/http_url.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using nlohmann::json;

json actor(const std::string& username) {
  return {{"type", "Person"},
          {"id", "https://a.example/users/x"},
          {"preferredUsername", username},
          {"inbox", "https://a.example/users/x/inbox"}};
}

TEST(HostileIdentity, RemoteUsernamesFollowMastodonsRule) {
  for (const char* ok : {"alice", "Alice_1", "a.b-c", "mastodon.example", "a--b", "_", "x..y"}) {
    EXPECT_TRUE(domain::valid_remote_username(ok)) << ok;
    EXPECT_NO_THROW(activitypub::read_actor(actor(ok))) << ok;
  }
  for (const char* bad :
       {"", "alice@mastodon.social", "a b", "-a", "a.", ".a", "a/b", "a?b", "a#b", "a:1",
        "al\u202eice",  // right-to-left override: would show another name
        "a\u200bb",     // zero-width space
        "a\x01", "a\tb", "\xc3\xa9t\xc3\xa9", "a\nb", "{{DOMAIN}}"}) {
    EXPECT_FALSE(domain::valid_remote_username(bad)) << bad;
    EXPECT_THROW(activitypub::read_actor(actor(bad)), activitypub::ActorError) << bad;
  }
  EXPECT_TRUE(domain::valid_remote_username(std::string(255, 'a')));
  EXPECT_FALSE(domain::valid_remote_username(std::string(256, 'a')));
}

TEST(HostileIdentity, ProfileAddressesAreWebAddressesOnTheActorsHost) {
  json doc = actor("x");
  doc["url"] = "https://a.example/@x";
  doc["icon"] = {{"type", "Image"}, {"url", "https://cdn.example/a.png"}};
  doc["image"] = {{"type", "Image"}, {"url", "https://cdn.example/h.png"}};
  auto a = activitypub::read_actor(doc);
  EXPECT_EQ(a.url, "https://a.example/@x");
  EXPECT_EQ(a.avatar_url, "https://cdn.example/a.png");  // media may live elsewhere
  for (const char* bad : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                          "https://b.example/@x", "//a.example/@x", "/@x", "https:///x"}) {
    doc["url"] = bad;
    doc["icon"] = {{"type", "Image"}, {"url", bad}};
    auto r = activitypub::read_actor(doc);
    EXPECT_FALSE(r.url.has_value()) << bad;
    if (std::string(bad) != "https://b.example/@x") {
      EXPECT_FALSE(r.avatar_url) << bad;
    }
  }
}

TEST(HostileIdentity, OnlyWebLinksSurviveInRemoteMarkup) {
  for (const char* scheme : {"dat", "ipfs", "xmpp", "magnet", "gemini", "javascript", "data"}) {
    std::string html = std::string("<a href=\"") + scheme + ":x\">y</a>";
    EXPECT_EQ(activitypub::sanitize_html(html), "<span>y</span>") << scheme;
  }
}

TEST(HttpUrl, AcceptsWebAddressesOnly) {
  EXPECT_TRUE(is_http_url("https://a.example/x?y#z"));
  EXPECT_TRUE(is_http_url("HTTP://A.example"));
  for (const char* bad : {"", "https://", "https:///x", "ftp://a", "javascript:alert(1)",
                          "https://a.example/\"><script>", "https://a b", "https://a\n", "http:/a",
                          "https:a.example"}) {
    EXPECT_FALSE(is_http_url(bad)) << bad;
  }
  EXPECT_EQ(http_url_host("https://User@A.Example:8443/x"), "a.example");
  EXPECT_EQ(http_url_host("http://[::1]:80/"), "[::1]");
  EXPECT_EQ(http_url_host("javascript:x"), "");
}

}  // namespace
}  // namespace lox
