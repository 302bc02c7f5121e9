// The privacy tools membership plans grant (`privacy_tools`): hidden follower and following
// counts, and automatic deletion of one's old posts. Switching a tool on needs the perk;
// switching it off never does; a tool switched on stays on after the membership ends.
#include "app_harness.hpp"
#include "funding_fixtures.hpp"
#include "run_awaitable.hpp"

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

class StatusesCleanupTest : public PrivacyToolsTest {
 protected:
  // A post of the member's, aged `days` days; returns its id.
  std::string old_post(const std::string& body, int days) {
    auto res = h_.request("POST", "/api/v1/statuses", member_token_, body);
    EXPECT_EQ(res->status, 200) << res->body;
    std::string id = json::parse(res->body)["id"];
    h_.tdb.query("UPDATE statuses SET created_at = now() - make_interval(days => " +
                 std::to_string(days) + ") WHERE id = " + id);
    return id;
  }
  int put_policy(const std::string& body) {
    return h_.request("PUT", "/api/v1/statuses_cleanup_policy", member_token_, body)->status;
  }
  bool deleted(const std::string& id) {
    return h_.tdb.count("SELECT count(*) FROM statuses WHERE deleted_at IS NOT NULL AND id = " +
                        id) == 1;
  }
  std::size_t run() { return lox::testing::run_awaitable(h_.services.statuses_cleanup.run()); }
};

TEST_F(StatusesCleanupTest, OldPostsGoExceptThoseThePolicyKeeps) {
  auto policy =
      json::parse(h_.request("GET", "/api/v1/statuses_cleanup_policy", member_token_)->body);
  EXPECT_EQ(policy["enabled"], false);
  EXPECT_EQ(policy["min_status_age_days"], 14);  // Mastodon's default: two weeks
  EXPECT_EQ(policy["keep_direct"], true);
  EXPECT_TRUE(policy["min_favs"].is_null());

  // Without the perk it cannot be switched on; nothing is stored.
  EXPECT_EQ(put_policy("enabled=true"), 422);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM statuses_cleanup_policies"), 0);
  comp_privacy_tools();

  auto plain = old_post("status=Old+news", 30);
  auto direct = old_post("status=%40fred+secret&visibility=direct", 30);
  auto pinned = old_post("status=Pinned", 30);
  h_.request("POST", "/api/v1/statuses/" + pinned + "/pin", member_token_);
  auto poll = old_post("status=Vote&poll[options][]=A&poll[options][]=B&poll[expires_in]=3600", 30);
  auto faved = old_post("status=Liked+it+myself", 30);
  h_.request("POST", "/api/v1/statuses/" + faved + "/favourite", member_token_);
  auto popular = old_post("status=Popular", 30);
  h_.tdb.query("UPDATE statuses SET favourites_count = 5 WHERE id = " + popular);
  auto recent = old_post("status=Last+week", 10);
  // A boost of someone else's post goes; their post stays.
  auto theirs = h_.request("POST", "/api/v1/statuses", other_token_, "status=Theirs");
  std::string their_id = json::parse(theirs->body)["id"];
  auto boost = h_.request("POST", "/api/v1/statuses/" + their_id + "/reblog", member_token_);
  std::string boost_id = json::parse(boost->body)["id"];
  h_.tdb.query("UPDATE statuses SET created_at = now() - interval '30 days' WHERE id = " +
               boost_id);

  ASSERT_EQ(put_policy("enabled=true&keep_polls=true&min_favs=3"), 200);
  EXPECT_EQ(run(), 2u);
  EXPECT_TRUE(deleted(plain));
  EXPECT_TRUE(deleted(boost_id));
  for (const auto& kept : {direct, pinned, poll, faved, popular, recent, their_id}) {
    EXPECT_FALSE(deleted(kept)) << kept;
  }
  // The post is gone for everyone, as when its author deletes it.
  EXPECT_EQ(h_.request("GET", "/api/v1/statuses/" + plain, other_token_)->status, 404);
  // A policy runs once an hour.
  EXPECT_EQ(run(), 0u);

  // Changing what it keeps takes effect on the next run.
  ASSERT_EQ(put_policy("keep_polls=false&min_favs=0&keep_pinned=false"), 200);
  h_.tdb.query("UPDATE statuses_cleanup_policies SET last_run_at = now() - interval '1 hour'");
  EXPECT_EQ(run(), 3u);
  EXPECT_TRUE(deleted(poll));
  EXPECT_TRUE(deleted(popular));
  EXPECT_TRUE(deleted(pinned));
  EXPECT_FALSE(deleted(recent));
}

TEST_F(StatusesCleanupTest, MediaBookmarksAndBoostedPostsStayWhileThePolicyKeepsThem) {
  comp_privacy_tools();
  std::string png = lox::testing::tiny_png();
  std::string upload_body =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
      "Content-Type: image/png\r\n\r\n" +
      png + "\r\n--b--\r\n";
  auto media = h_.request("POST", "/api/v1/media", member_token_, upload_body,
                          "multipart/form-data; boundary=b");
  ASSERT_EQ(media->status, 200) << media->body;
  auto with_media =
      old_post("status=Photo&media_ids[]=" + json::parse(media->body)["id"].get<std::string>(), 30);
  auto bookmarked = old_post("status=Keep+this", 30);
  h_.request("POST", "/api/v1/statuses/" + bookmarked + "/bookmark", member_token_);
  auto boosted = old_post("status=Boosted+a+lot", 30);
  h_.tdb.query("UPDATE statuses SET reblogs_count = 5 WHERE id = " + boosted);

  ASSERT_EQ(put_policy("enabled=true&keep_media=true&keep_self_bookmark=true&min_reblogs=3"), 200);
  EXPECT_EQ(run(), 0u);
  ASSERT_EQ(put_policy("keep_media=false&keep_self_bookmark=false&min_reblogs=6"), 200);
  h_.tdb.query("UPDATE statuses_cleanup_policies SET last_run_at = now() - interval '1 hour'");
  EXPECT_EQ(run(), 3u);
  EXPECT_TRUE(deleted(with_media));
  EXPECT_TRUE(deleted(bookmarked));
  EXPECT_TRUE(deleted(boosted));  // 5 boosts, fewer than 6
}

TEST_F(StatusesCleanupTest, APolicySwitchedOnStaysOnAfterTheMembershipEnds) {
  auto membership = comp_privacy_tools();
  ASSERT_EQ(put_policy("enabled=true&min_status_age_days=7"), 200);
  end_membership(membership);
  auto old = old_post("status=Old", 8);
  EXPECT_EQ(run(), 1u);
  EXPECT_TRUE(deleted(old));
  // Switching it off never needs the perk; switching it on again does.
  EXPECT_EQ(put_policy("enabled=false"), 200);
  EXPECT_EQ(put_policy("enabled=true"), 422);
  auto policy =
      json::parse(h_.request("GET", "/api/v1/statuses_cleanup_policy", member_token_)->body);
  EXPECT_EQ(policy["enabled"], false);
  EXPECT_EQ(policy["min_status_age_days"], 7);
}

TEST_F(StatusesCleanupTest, BadSettingsAreRefusedAndChangeNothing) {
  comp_privacy_tools();
  for (const char* body :
       {"min_status_age_days=6", "min_status_age_days=3651", "min_status_age_days=abc",
        "enabled=maybe", "min_favs=-1", "min_reblogs=x", "enabled=true&min_status_age_days=1"}) {
    EXPECT_EQ(put_policy(body), 422) << body;
  }
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM statuses_cleanup_policies"), 0);
  EXPECT_EQ(h_.request("GET", "/api/v1/statuses_cleanup_policy", "")->status, 401);
  auto read_only = h_.token_for(member_, "read");
  EXPECT_EQ(
      h_.request("PUT", "/api/v1/statuses_cleanup_policy", read_only, "enabled=false")->status,
      403);
}

TEST(EarlyAccessTest, AFeatureInEarlyAccessNeedsAMembershipWithEarlyAccess) {
  AppHarness h(config::Environment{{"LOXODON_INSTANCE_EARLY_ACCESS_FEATURES", "statuses_cleanup"}});
  auto admin = h.create_user("tess", "admin");
  auto member = h.create_user("mia");
  auto early = h.create_user("eve");
  auto admin_token = h.token_for(admin, "admin:read admin:write");
  auto comp = [&](const domain::UserWithAccount& who, const std::string& plan_body) {
    auto plan = h.request("POST", "/api/v1/admin/plans", admin_token, plan_body);
    ASSERT_EQ(plan->status, 200) << plan->body;
    ASSERT_EQ(h.request("POST", "/api/v1/admin/memberships", admin_token,
                        "account_id=" + std::to_string(who.account.id) +
                            "&plan_id=" + json::parse(plan->body)["id"].get<std::string>())
                  ->status,
              200);
  };
  comp(member, "name=Private&price=3&currency=EUR&privacy_tools=true");
  comp(early, "name=Pioneer&price=9&currency=EUR&privacy_tools=true&early_access=true");
  auto member_token = h.token_for(member, "read write");
  auto early_token = h.token_for(early, "read write");

  auto refused = h.request("PUT", "/api/v1/statuses_cleanup_policy", member_token, "enabled=true");
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("early access"), std::string::npos) << refused->body;
  EXPECT_EQ(
      h.request("PUT", "/api/v1/statuses_cleanup_policy", early_token, "enabled=true")->status,
      200);
  // A feature not held back stays open to every member with the perk.
  EXPECT_EQ(
      h.request("PATCH", "/api/v1/accounts/update_credentials", member_token, "hide_counts=true")
          ->status,
      200);
  // Members see what is in early access and whether it is open to them.
  auto perks = [&](const std::string& token) {
    return json::parse(h.request("GET", "/api/v1/funding/membership", token)->body)["perks"];
  };
  ASSERT_EQ(perks(member_token)["early_access_features"].size(), 1u);
  EXPECT_EQ(perks(member_token)["early_access_features"][0]["name"], "statuses_cleanup");
  EXPECT_EQ(perks(member_token)["early_access_features"][0]["open"], false);
  EXPECT_EQ(perks(early_token)["early_access_features"][0]["open"], true);
}

}  // namespace
}  // namespace lox
