// The HTML pages browsers get for a local account (/@username) and its posts (/@username/:id):
// what a signed-out visitor may see, and, for members with a plan's customization, their
// accent colour and theme.
#include "app_harness.hpp"
#include "raw_http.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

class ProfilePagesTest : public ::testing::Test {
 protected:
  ProfilePagesTest()
      : admin_(h_.create_user("tess", "admin")),
        member_(h_.create_user("mia")),
        admin_token_(h_.token_for(admin_, "admin:read admin:write")),
        member_token_(h_.token_for(member_, "read write")) {}

  std::optional<lox::testing::RawResponse> browse(const std::string& path) {
    return lox::testing::http_request(h_.port(), "GET", path, "Accept: text/html\r\n");
  }
  std::string post(const std::string& body) {
    auto res = h_.request("POST", "/api/v1/statuses", member_token_, body);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body)["id"];
  }
  int set_look(const std::string& body) {
    return h_.request("PATCH", "/api/v1/accounts/update_credentials", member_token_, body)->status;
  }

  AppHarness h_;
  domain::UserWithAccount admin_, member_;
  std::string admin_token_, member_token_;
};

TEST_F(ProfilePagesTest, AProfileShowsWhatASignedOutVisitorMaySee) {
  ASSERT_EQ(set_look("display_name=Mia+%3Cb%3EM%3C%2Fb%3E&note=Hello+there"), 200);
  auto shown = post("status=Public+words");
  auto hidden = post("status=Followers+only&visibility=private");
  post("status=%40tess+a+secret&visibility=direct");

  auto page = browse("/@mia");
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_NE(page->header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("Mia &lt;b&gt;M&lt;/b&gt;"), std::string::npos);  // escaped
  EXPECT_NE(page->body.find("@mia@" + h_.config.domain), std::string::npos);
  EXPECT_NE(page->body.find("Hello there"), std::string::npos);
  EXPECT_NE(page->body.find("Public words"), std::string::npos);
  EXPECT_EQ(page->body.find("Followers only"), std::string::npos);
  EXPECT_EQ(page->body.find("a secret"), std::string::npos);
  EXPECT_NE(page->body.find("0 followers"), std::string::npos);

  EXPECT_EQ(browse("/@mia/" + shown)->status, 200);
  EXPECT_EQ(browse("/@mia/" + hidden)->status, 404);
  EXPECT_EQ(browse("/@tess/" + shown)->status, 404);  // someone else's post
  EXPECT_EQ(browse("/@mia/notanumber")->status, 404);
  EXPECT_EQ(browse("/@nobody")->status, 404);
  EXPECT_EQ(browse("/@mia@elsewhere.example")->status, 404);
  // ActivityPub requests still get the actor.
  auto actor = lox::testing::http_request(h_.port(), "GET", "/@mia",
                                          "Accept: application/activity+json\r\n");
  ASSERT_EQ(actor->status, 200);
  EXPECT_EQ(json::parse(actor->body)["type"], "Person");

  auto unlisted = post("status=Quietly&visibility=unlisted");
  EXPECT_EQ(browse("/@mia/" + unlisted)->status, 200);
  // Accounts that chose to be indexed get no robots header; the others (the default, as in
  // Mastodon) ask crawlers to stay away.
  h_.tdb.query("UPDATE accounts SET indexable = true WHERE id = " +
               std::to_string(member_.account.id));
  EXPECT_EQ(browse("/@mia")->header("x-robots-tag"), "");
  h_.tdb.query("UPDATE accounts SET indexable = false WHERE id = " +
               std::to_string(member_.account.id));
  EXPECT_EQ(browse("/@mia")->header("x-robots-tag"), "noindex, noarchive");
  EXPECT_EQ(browse("/@mia/" + shown)->header("x-robots-tag"), "noindex, noarchive");

  // An account awaiting approval has no page yet; a suspended one says so.
  h_.tdb.query("UPDATE users SET approved = false WHERE account_id = " +
               std::to_string(member_.account.id));
  EXPECT_EQ(browse("/@mia")->status, 404);
  h_.tdb.query("UPDATE users SET approved = true WHERE account_id = " +
               std::to_string(member_.account.id));
  h_.tdb.query("UPDATE accounts SET suspended_at = now() WHERE id = " +
               std::to_string(member_.account.id));
  EXPECT_EQ(browse("/@mia")->status, 410);
}

TEST_F(ProfilePagesTest, HiddenCountsStayHiddenOnThePage) {
  h_.request("POST", "/api/v1/accounts/" + std::to_string(member_.account.id) + "/follow",
             admin_token_);
  EXPECT_NE(browse("/@mia")->body.find("following"), std::string::npos);
  h_.tdb.query("UPDATE accounts SET hide_counts = true WHERE id = " +
               std::to_string(member_.account.id));
  auto page = browse("/@mia");
  EXPECT_EQ(page->body.find("follower"), std::string::npos);
  EXPECT_EQ(page->body.find("following"), std::string::npos);
}

TEST_F(ProfilePagesTest, MembersWithCustomizationChooseTheirPagesAccentAndTheme) {
  // Without the perk nothing is saved.
  EXPECT_EQ(set_look("accent_color=%23aa3366"), 422);
  EXPECT_EQ(set_look("profile_theme=dark"), 422);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM profile_looks"), 0);

  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Style&price=2&currency=EUR&customization=true");
  ASSERT_EQ(plan->status, 200) << plan->body;
  auto comp = h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                         "account_id=" + std::to_string(member_.account.id) +
                             "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  ASSERT_EQ(comp->status, 200) << comp->body;

  for (const char* bad : {"accent_color=red", "accent_color=%23fff", "accent_color=%2312345g",
                          "accent_color=%23fff%3B%7Dbody%7B", "profile_theme=neon"}) {
    EXPECT_EQ(set_look(bad), 422) << bad;
  }
  ASSERT_EQ(set_look("accent_color=%23AA3366&profile_theme=dark"), 200);
  auto page = browse("/@mia");
  EXPECT_NE(page->body.find("border-top:6px solid #aa3366"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("#16181d"), std::string::npos);  // dark
  ASSERT_EQ(set_look("profile_theme=auto"), 200);
  EXPECT_NE(browse("/@mia")->body.find("prefers-color-scheme:dark"), std::string::npos);

  // When the membership ends the page looks like everyone's again; the choice is kept.
  h_.request(
      "POST",
      "/api/v1/admin/memberships/" + json::parse(comp->body)["id"].get<std::string>() + "/end",
      admin_token_);
  page = browse("/@mia");
  EXPECT_EQ(page->body.find("#aa3366"), std::string::npos);
  EXPECT_EQ(page->body.find("prefers-color-scheme"), std::string::npos);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM profile_looks WHERE accent_color = '#aa3366'"), 1);
  // Going back to the instance's look never needs the perk.
  EXPECT_EQ(set_look("accent_color=&profile_theme=light"), 200);
}

}  // namespace
}  // namespace lox
