// The privacy tools membership plans grant (`privacy_tools`): hidden follower and following
// counts, and automatic deletion of one's old posts. Switching a tool on needs the perk;
// switching it off never does; a tool switched on stays on after the membership ends.
#include "app_harness.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

class PrivacyToolsTest : public ::testing::Test {
 protected:
  PrivacyToolsTest()
      : admin_(h_.create_user("tess", "admin")),
        member_(h_.create_user("mia")),
        other_(h_.create_user("fred")),
        admin_token_(h_.token_for(admin_, "admin:read admin:write")),
        member_token_(h_.token_for(member_, "read write follow")),
        other_token_(h_.token_for(other_, "read write follow")) {}

  // Comps the member a plan with the privacy tools; returns the membership's id.
  std::string comp_privacy_tools() {
    auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                           "name=Private&price=3&currency=EUR&privacy_tools=true");
    EXPECT_EQ(plan->status, 200) << plan->body;
    EXPECT_EQ(json::parse(plan->body)["entitlements"]["privacy_tools"], true);
    auto comp = h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                           "account_id=" + std::to_string(member_.account.id) +
                               "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
    EXPECT_EQ(comp->status, 200) << comp->body;
    return json::parse(comp->body)["id"];
  }
  void end_membership(const std::string& id) {
    ASSERT_EQ(h_.request("POST", "/api/v1/admin/memberships/" + id + "/end", admin_token_)->status,
              200);
  }
  int set_hide_counts(bool on) {
    return h_
        .request("PATCH", "/api/v1/accounts/update_credentials", member_token_,
                 std::string("hide_counts=") + (on ? "true" : "false"))
        ->status;
  }
  json account_as(const std::string& token) {
    auto res = h_.request("GET", "/api/v1/accounts/" + std::to_string(member_.account.id), token);
    return json::parse(res->body);
  }
  json followers_as(const std::string& token) {
    auto res = h_.request(
        "GET", "/api/v1/accounts/" + std::to_string(member_.account.id) + "/followers", token);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }

  AppHarness h_;
  domain::UserWithAccount admin_, member_, other_;
  std::string admin_token_, member_token_, other_token_;
};

TEST_F(PrivacyToolsTest, HiddenCountsNeedThePerkAndStayHiddenAfterTheMembershipEnds) {
  auto follow = h_.request(
      "POST", "/api/v1/accounts/" + std::to_string(member_.account.id) + "/follow", other_token_);
  ASSERT_EQ(follow->status, 200) << follow->body;
  EXPECT_EQ(account_as(other_token_)["followers_count"], 1);

  // Without the perk the setting is refused and nothing changes.
  auto refused = h_.request("PATCH", "/api/v1/accounts/update_credentials", member_token_,
                            "hide_counts=true&display_name=Mia");
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("needs a membership with privacy tools"), std::string::npos);
  EXPECT_EQ(account_as(other_token_)["display_name"], "");

  auto membership = comp_privacy_tools();
  ASSERT_EQ(set_hide_counts(true), 200);
  auto seen = account_as(other_token_);
  EXPECT_EQ(seen["followers_count"], 0);
  EXPECT_EQ(seen["following_count"], 0);
  EXPECT_EQ(account_as("")["followers_count"], 0);  // logged out too
  EXPECT_TRUE(followers_as(other_token_).empty());
  EXPECT_TRUE(followers_as("").empty());
  // The owner still sees theirs.
  auto me =
      json::parse(h_.request("GET", "/api/v1/accounts/verify_credentials", member_token_)->body);
  EXPECT_EQ(me["followers_count"], 1);
  EXPECT_EQ(me["source"]["hide_counts"], true);
  EXPECT_EQ(followers_as(member_token_).size(), 1u);
  // Over ActivityPub the collection names neither a count nor its members.
  auto collection = h_.request("GET", "/users/mia/followers", "");
  ASSERT_EQ(collection->status, 200) << collection->body;
  auto doc = json::parse(collection->body);
  EXPECT_FALSE(doc.contains("totalItems")) << doc;
  EXPECT_FALSE(doc.contains("first")) << doc;
  auto page = json::parse(h_.request("GET", "/users/mia/followers?page=1", "")->body);
  EXPECT_FALSE(page.contains("orderedItems")) << page;

  // When the membership ends the counts stay hidden until the owner shows them again; hiding
  // them again then needs the perk.
  end_membership(membership);
  EXPECT_EQ(account_as(other_token_)["followers_count"], 0);
  EXPECT_EQ(set_hide_counts(false), 200);
  EXPECT_EQ(account_as(other_token_)["followers_count"], 1);
  EXPECT_EQ(followers_as(other_token_).size(), 1u);
  EXPECT_EQ(set_hide_counts(true), 422);
}

TEST_F(PrivacyToolsTest, HiddenNetworksShowEmptyListsToOthersAsMastodonDoes) {
  h_.request("POST", "/api/v1/accounts/" + std::to_string(member_.account.id) + "/follow",
             other_token_);
  ASSERT_EQ(h_.request("PATCH", "/api/v1/accounts/update_credentials", member_token_,
                       "hide_collections=true")
                ->status,
            200);
  EXPECT_TRUE(followers_as(other_token_).empty());
  EXPECT_EQ(followers_as(member_token_).size(), 1u);
  // The count itself stays public, as in Mastodon.
  EXPECT_EQ(account_as(other_token_)["followers_count"], 1);
}

}  // namespace
}  // namespace lox
