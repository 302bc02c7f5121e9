// Membership perks beyond post length, enforced through the client API: more media per post,
// more poll options and more profile fields for members; the instance's limits for everyone
// else; and when the membership ends, what was made stays while new posts follow the
// instance's limits again.
#include "app_harness.hpp"
#include "funding_fixtures.hpp"

#include <loxodon/util/time_format.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

using lox::testing::tiny_png;

class PlanEntitlementsTest : public ::testing::Test {
 protected:
  PlanEntitlementsTest()
      : admin_(h_.create_user("tess", "admin")),
        member_(h_.create_user("mia")),
        free_(h_.create_user("fred")),
        admin_token_(h_.token_for(admin_, "admin:read admin:write")),
        member_token_(h_.token_for(member_, "read write")),
        free_token_(h_.token_for(free_, "read write")) {}

  std::string upload(const std::string& token) {
    std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
        "Content-Type: image/png\r\n\r\n" +
        tiny_png() + "\r\n--b--\r\n";
    auto res = h_.request("POST", "/api/v1/media", token, body, "multipart/form-data; boundary=b");
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body)["id"];
  }
  std::string with_media(const std::string& token, int count) {
    std::string body = "status=Photos";
    for (int i = 0; i < count; ++i) body += "&media_ids[]=" + upload(token);
    return body;
  }
  std::string poll(int options) {
    std::string body = "status=Which%3F&poll[expires_in]=3600";
    for (int i = 0; i < options; ++i) body += "&poll[options][]=Option" + std::to_string(i);
    return body;
  }
  std::string fields(int count) {
    std::string body;
    for (int i = 0; i < count; ++i) {
      body += "&fields_attributes[" + std::to_string(i) + "][name]=F" + std::to_string(i) +
              "&fields_attributes[" + std::to_string(i) + "][value]=V";
    }
    return body.substr(1);
  }
  int post(const std::string& token, const std::string& body) {
    return h_.request("POST", "/api/v1/statuses", token, body)->status;
  }
  int update_fields(const std::string& token, int count) {
    return h_.request("PATCH", "/api/v1/accounts/update_credentials", token, fields(count))->status;
  }

  AppHarness h_;
  domain::UserWithAccount admin_, member_, free_;
  std::string admin_token_, member_token_, free_token_;
};

TEST_F(PlanEntitlementsTest, MembersGetMoreMediaPollOptionsAndFieldsUntilTheMembershipEnds) {
  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Patron&price=5&currency=EUR&max_media_attachments=6"
                         "&max_poll_options=8&max_profile_fields=6");
  ASSERT_EQ(plan->status, 200) << plan->body;
  auto entitlements = json::parse(plan->body)["entitlements"];
  EXPECT_EQ(entitlements["max_media_attachments"], 6);
  EXPECT_EQ(entitlements["max_poll_options"], 8);
  EXPECT_EQ(entitlements["max_profile_fields"], 6);

  // Everyone gets the instance's limits (4 media, 4 options, 4 fields).
  EXPECT_EQ(post(free_token_, with_media(free_token_, 5)), 422);
  EXPECT_EQ(post(free_token_, poll(5)), 422);
  EXPECT_EQ(update_fields(free_token_, 5), 422);
  EXPECT_EQ(post(free_token_, poll(4)), 200);

  auto comp = h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                         "account_id=" + std::to_string(member_.account.id) +
                             "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  ASSERT_EQ(comp->status, 200) << comp->body;
  EXPECT_EQ(post(member_token_, with_media(member_token_, 6)), 200);
  EXPECT_EQ(post(member_token_, with_media(member_token_, 7)), 422);
  EXPECT_EQ(post(member_token_, poll(8)), 200);
  EXPECT_EQ(post(member_token_, poll(9)), 422);
  EXPECT_EQ(update_fields(member_token_, 6), 200);
  EXPECT_EQ(update_fields(member_token_, 7), 422);

  std::string comp_id = json::parse(comp->body)["id"];
  ASSERT_EQ(
      h_.request("POST", "/api/v1/admin/memberships/" + comp_id + "/end", admin_token_)->status,
      200);
  // New actions follow the instance's limits; nothing made meanwhile is lost.
  EXPECT_EQ(post(member_token_, poll(8)), 422);
  EXPECT_EQ(post(member_token_, with_media(member_token_, 6)), 422);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM statuses WHERE account_id = " +
                         std::to_string(member_.account.id)),
            2);
  auto me = h_.request("GET", "/api/v1/accounts/verify_credentials", member_token_);
  EXPECT_EQ(json::parse(me->body)["fields"].size(), 6u);
}

TEST_F(PlanEntitlementsTest, MembersShowTheirPlansBadgeInRolesWhileItHolds) {
  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Patron&price=5&currency=EUR&badge=Patron");
  ASSERT_EQ(plan->status, 200) << plan->body;
  auto roles = [&] {
    auto res =
        h_.request("GET", "/api/v1/accounts/" + std::to_string(member_.account.id), free_token_);
    return json::parse(res->body)["roles"];
  };
  EXPECT_TRUE(roles().empty());
  auto comp = h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                         "account_id=" + std::to_string(member_.account.id) +
                             "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  ASSERT_EQ(comp->status, 200);
  ASSERT_EQ(roles().size(), 1u);
  EXPECT_EQ(roles()[0]["name"], "Patron");
  EXPECT_EQ(roles()[0]["color"], "#d97706");
  auto me =
      json::parse(h_.request("GET", "/api/v1/accounts/verify_credentials", member_token_)->body);
  ASSERT_EQ(me["roles"].size(), 1u);
  EXPECT_EQ(me["roles"][0]["name"], "Patron");
  // Statuses carry the author's badge too.
  auto status = h_.request("POST", "/api/v1/statuses", member_token_, "status=Hello");
  EXPECT_EQ(json::parse(status->body)["account"]["roles"][0]["name"], "Patron");

  std::string comp_id = json::parse(comp->body)["id"];
  h_.request("POST", "/api/v1/admin/memberships/" + comp_id + "/end", admin_token_);
  EXPECT_TRUE(roles().empty());
}

TEST_F(PlanEntitlementsTest, MembersMayScheduleMorePostsADay) {
  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Planner&price=5&currency=EUR&max_scheduled_posts=600");
  ASSERT_EQ(plan->status, 200) << plan->body;
  // Noon (UTC) two days ahead: every post lands on the same day.
  auto noon = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
              std::chrono::days(2) + std::chrono::hours(12);
  auto schedule = [&](const std::string& token, int i) {
    auto at = format_iso8601_ms(noon + std::chrono::seconds(i));
    return h_
        .request("POST", "/api/v1/statuses", token,
                 "status=Later+" + std::to_string(i) + "&scheduled_at=" + at)
        ->status;
  };
  for (int i = 0; i < 25; ++i) ASSERT_EQ(schedule(free_token_, i), 200) << i;
  EXPECT_EQ(schedule(free_token_, 25), 422);  // Mastodon's 25 a day

  h_.request("POST", "/api/v1/admin/memberships", admin_token_,
             "account_id=" + std::to_string(member_.account.id) +
                 "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  for (int i = 0; i < 50; ++i) ASSERT_EQ(schedule(member_token_, i), 200) << i;
  EXPECT_EQ(schedule(member_token_, 50), 422);  // 600 / 12 a day
}

TEST_F(PlanEntitlementsTest, MembersMayUploadLargerFilesUntilTheMembershipEnds) {
  // A PNG of 17 MB: over Mastodon's 16 MB for images. Only its first bytes are sniffed here;
  // processing happens later, in a job.
  std::string big = tiny_png() + std::string(17 * 1024 * 1024, '\0');
  auto upload = [&](const std::string& token) {
    std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
        "Content-Type: image/png\r\n\r\n" +
        big + "\r\n--b--\r\n";
    return h_.request("POST", "/api/v2/media", token, body, "multipart/form-data; boundary=b");
  };
  auto refused = upload(free_token_);
  EXPECT_EQ(refused->status, 413);
  EXPECT_NE(refused->body.find("maximum is 16 MB for images"), std::string::npos) << refused->body;

  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Large&price=5&currency=EUR&max_upload_megabytes=40");
  ASSERT_EQ(plan->status, 200) << plan->body;
  EXPECT_EQ(json::parse(plan->body)["entitlements"]["max_upload_megabytes"], 40);
  auto comp = h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                         "account_id=" + std::to_string(member_.account.id) +
                             "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  ASSERT_EQ(comp->status, 200) << comp->body;
  EXPECT_EQ(upload(member_token_)->status, 202);
  EXPECT_EQ(upload(free_token_)->status, 413);

  h_.request(
      "POST",
      "/api/v1/admin/memberships/" + json::parse(comp->body)["id"].get<std::string>() + "/end",
      admin_token_);
  auto after = upload(member_token_);
  EXPECT_EQ(after->status, 413);
  // The upload made while a member stays.
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM media_attachments WHERE account_id = " +
                         std::to_string(member_.account.id)),
            1);
}

TEST_F(PlanEntitlementsTest, MembersSeeTheirMembershipsAndThePerksTheyHoldNow) {
  auto perks_of = [&](const std::string& token) {
    auto res = h_.request("GET", "/api/v1/funding/membership", token);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  };
  auto free = perks_of(free_token_);
  EXPECT_TRUE(free["memberships"].empty());
  EXPECT_EQ(free["perks"]["max_characters"], 500);
  EXPECT_EQ(free["perks"]["max_media_attachments"], 4);
  EXPECT_EQ(free["perks"]["image_size_limit_megabytes"], 16);
  EXPECT_EQ(free["perks"]["video_size_limit_megabytes"], 99);
  EXPECT_EQ(free["perks"]["ad_free"], false);
  EXPECT_TRUE(free["perks"]["edit_window_minutes"].is_null());  // no window: always

  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Patron&price=5&currency=EUR&max_characters=2000"
                         "&max_upload_megabytes=50&ad_free=true&privacy_tools=true&badge=Patron");
  ASSERT_EQ(plan->status, 200) << plan->body;
  h_.request("POST", "/api/v1/admin/memberships", admin_token_,
             "account_id=" + std::to_string(member_.account.id) +
                 "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  auto member = perks_of(member_token_);
  ASSERT_EQ(member["memberships"].size(), 1u);
  EXPECT_EQ(member["memberships"][0]["plan"], "Patron");
  EXPECT_EQ(member["memberships"][0]["status"], "comped");
  EXPECT_FALSE(member["memberships"][0].contains("acct"));
  EXPECT_EQ(member["perks"]["max_characters"], 2000);
  EXPECT_EQ(member["perks"]["image_size_limit_megabytes"], 50);
  EXPECT_EQ(member["perks"]["video_size_limit_megabytes"], 99);  // never lowered
  EXPECT_EQ(member["perks"]["ad_free"], true);
  EXPECT_EQ(member["perks"]["privacy_tools"], true);
  EXPECT_EQ(member["perks"]["badge"], "Patron");
  // Another member's memberships stay theirs.
  EXPECT_TRUE(perks_of(free_token_)["memberships"].empty());
  EXPECT_EQ(h_.request("GET", "/api/v1/funding/membership", "")->status, 401);
}

TEST(PlanEditWindowTest, AMembershipExtendsTheInstancesEditWindow) {
  AppHarness h(config::Environment{{"LOXODON_INSTANCE_EDIT_WINDOW_MINUTES", "60"}});
  auto admin = h.create_user("tess", "admin");
  auto member = h.create_user("mia");
  auto other = h.create_user("fred");
  auto admin_token = h.token_for(admin, "admin:read admin:write");
  auto post_and_age = [&](const domain::UserWithAccount& who, const std::string& token) {
    auto res = h.request("POST", "/api/v1/statuses", token, "status=First+words");
    std::string id = json::parse(res->body)["id"];
    // Posted two hours ago.
    h.tdb.query("UPDATE statuses SET created_at = now() - interval '2 hours' WHERE id = " + id +
                " AND account_id = " + std::to_string(who.account.id));
    return id;
  };
  auto other_token = h.token_for(other, "read write");
  auto member_token = h.token_for(member, "read write");
  auto late = post_and_age(other, other_token);
  auto edit = h.request("PUT", "/api/v1/statuses/" + late, other_token, "status=Second+words");
  EXPECT_EQ(edit->status, 422) << edit->body;
  EXPECT_NE(edit->body.find("within 60 minutes"), std::string::npos);
  auto fresh = h.request("POST", "/api/v1/statuses", other_token, "status=Just+now");
  EXPECT_EQ(
      h.request("PUT", "/api/v1/statuses/" + json::parse(fresh->body)["id"].get<std::string>(),
                other_token, "status=Fixed")
          ->status,
      200);

  auto plan = h.request("POST", "/api/v1/admin/plans", admin_token,
                        "name=Editor&price=5&currency=EUR&edit_window_minutes=1440");
  ASSERT_EQ(plan->status, 200) << plan->body;
  h.request("POST", "/api/v1/admin/memberships", admin_token,
            "account_id=" + std::to_string(member.account.id) +
                "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  auto mine = post_and_age(member, member_token);
  EXPECT_EQ(
      h.request("PUT", "/api/v1/statuses/" + mine, member_token, "status=Second+words")->status,
      200);
}

TEST_F(PlanEntitlementsTest, PerksOutOfRangeAreRefused) {
  for (const char* body : {"name=A&price=1&currency=EUR&max_media_attachments=0",
                           "name=A&price=1&currency=EUR&max_media_attachments=21",
                           "name=A&price=1&currency=EUR&max_poll_options=1",
                           "name=A&price=1&currency=EUR&max_poll_options=21",
                           "name=A&price=1&currency=EUR&max_profile_fields=0",
                           "name=A&price=1&currency=EUR&max_profile_fields=17",
                           "name=A&price=1&currency=EUR&badge=0123456789012345678901234567890",
                           "name=A&price=1&currency=EUR&max_scheduled_posts=299",
                           "name=A&price=1&currency=EUR&max_scheduled_posts=3001",
                           "name=A&price=1&currency=EUR&edit_window_minutes=0",
                           "name=A&price=1&currency=EUR&max_upload_megabytes=0",
                           // Above instance.max_upload_megabytes (100 by default).
                           "name=A&price=1&currency=EUR&max_upload_megabytes=101"}) {
    auto res = h_.request("POST", "/api/v1/admin/plans", admin_token_, body);
    EXPECT_EQ(res->status, 422) << body << " " << res->body;
  }
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM membership_plans"), 0);
}

}  // namespace
}  // namespace lox
