// Donation prompts and sponsored announcements in GET /api/v1/announcements: prompts only for
// accounts older than the prompt's minimum age and never for members, one at a time, away for
// the repeat period once dismissed; sponsored announcements labelled, counted in aggregate,
// hidden by a dismissal (a preference that names no placement) and never shown to ad-free
// members.
#include "app_harness.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

class DonationPromptsTest : public ::testing::Test {
 protected:
  DonationPromptsTest()
      : admin_(h_.create_user("tess", "admin")),
        reader_(h_.create_user("rhea")),
        admin_token_(h_.token_for(admin_, "read write admin:read admin:write")),
        reader_token_(h_.token_for(reader_, "read write")) {
    // Older than any prompt's minimum age below.
    h_.tdb.query("UPDATE accounts SET created_at = now() - interval '40 days' WHERE id = " +
                 std::to_string(reader_.account.id));
  }

  std::string prompt(const std::string& body) {
    auto res = h_.request("POST", "/api/v1/admin/donation_prompts", admin_token_, body);
    EXPECT_EQ(res->status, 200) << body << " " << res->body;
    return json::parse(res->body)["id"];
  }
  json announcements(const std::string& token = "") {
    auto res = h_.request("GET", "/api/v1/announcements", token.empty() ? reader_token_ : token);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }
  int dismiss(const std::string& id) {
    return h_.request("POST", "/api/v1/announcements/" + id + "/dismiss", reader_token_)->status;
  }

  AppHarness h_;
  domain::UserWithAccount admin_, reader_;
  std::string admin_token_, reader_token_;
};

TEST_F(DonationPromptsTest, APromptReachesOldEnoughAccountsAndComesBackAfterItsRepeatPeriod) {
  auto id = prompt(
      "text=Keeping+the+lights+on+costs+120+EUR+a+month.+%23fundraiser"
      "&min_account_age_days=30&repeat_days=14");
  auto list = announcements();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_NE(list[0]["content"].get<std::string>().find("Keeping the lights on"), std::string::npos);
  EXPECT_EQ(list[0]["tags"][0]["name"], "fundraiser");
  EXPECT_EQ(list[0]["read"], false);

  // A newer account does not see it.
  auto newcomer = h_.create_user("nova");
  EXPECT_TRUE(announcements(h_.token_for(newcomer, "read")).empty());

  EXPECT_EQ(dismiss(id), 200);
  EXPECT_TRUE(announcements().empty());
  // Fifteen days later it is back.
  h_.tdb.query("UPDATE donation_prompt_dismissals SET dismissed_at = now() - interval '15 days'");
  EXPECT_EQ(announcements().size(), 1u);
}

TEST_F(DonationPromptsTest, OnePromptAtATimeAndNeverForMembers) {
  prompt("text=First+appeal&min_account_age_days=0");
  auto newer = prompt("text=Second+appeal&min_account_age_days=0");
  auto list = announcements();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], newer);
  // Dismissed without a repeat period: gone for good, and the other one takes its place.
  EXPECT_EQ(dismiss(newer), 200);
  list = announcements();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_NE(list[0]["id"], newer);

  auto plan =
      h_.request("POST", "/api/v1/admin/plans", admin_token_, "name=Member&price=3&currency=EUR");
  ASSERT_EQ(plan->status, 200);
  auto comp = h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                         "account_id=" + std::to_string(reader_.account.id) +
                             "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  ASSERT_EQ(comp->status, 200) << comp->body;
  EXPECT_TRUE(announcements().empty());
}

TEST_F(DonationPromptsTest, SponsoredAnnouncementsAreLabelledCountedAndHiddenByADismissal) {
  auto sponsor = h_.request("POST", "/api/v1/admin/sponsors", admin_token_, "name=Fjord+Hosting");
  ASSERT_EQ(sponsor->status, 200);
  std::string sponsor_id = json::parse(sponsor->body)["id"];
  auto placement =
      h_.request("POST", "/api/v1/admin/sponsors/" + sponsor_id + "/placements", admin_token_,
                 "surface=announcements&headline=Hosting+on+wind"
                 "&link_url=https://fjord.example/");
  ASSERT_EQ(placement->status, 200) << placement->body;
  std::string placement_id = json::parse(placement->body)["id"];

  auto list = announcements();
  ASSERT_EQ(list.size(), 1u);
  // Served under an id that names no placement: nothing sent back about it says which ad.
  EXPECT_EQ(list[0]["id"], "1");
  std::string content = list[0]["content"];
  EXPECT_NE(content.find("Sponsored &middot; Fjord Hosting"), std::string::npos);
  EXPECT_NE(content.find("/sponsored/" + placement_id + "/click"), std::string::npos);
  EXPECT_NE(content.find("rel=\"sponsored noopener noreferrer\""), std::string::npos);
  auto stats =
      h_.request("GET", "/api/v1/admin/placements/" + placement_id + "/stats", admin_token_);
  EXPECT_EQ(json::parse(stats->body)[0]["impressions"], 1);

  EXPECT_EQ(dismiss("1"), 200);
  EXPECT_TRUE(announcements().empty());
  // The dismissal is a preference on the person's own settings, naming no placement.
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM users WHERE sponsored_announcements_hidden_until "
                         "> now() + interval '29 days'"),
            1);
  // Others still see it; ad-free members do not.
  auto other = h_.create_user("otto");
  EXPECT_EQ(announcements(h_.token_for(other, "read")).size(), 1u);
  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Ad-free&price=2&currency=EUR&ad_free=true");
  h_.request("POST", "/api/v1/admin/memberships", admin_token_,
             "account_id=" + std::to_string(other.account.id) +
                 "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
  EXPECT_TRUE(announcements(h_.token_for(other, "read")).empty());
  // Reacting to something that is not a staff announcement finds nothing.
  EXPECT_EQ(h_.request("PUT", "/api/v1/announcements/" + placement_id + "/reactions/%F0%9F%91%8D",
                       reader_token_)
                ->status,
            404);
}

TEST_F(DonationPromptsTest, BadPromptsAreRefusedAndOnlyAdministratorsWriteThem) {
  for (const char* body : {"text=", "text=+++", "text=X&min_account_age_days=-1",
                           "text=X&repeat_days=0", "text=X&repeat_days=400",
                           "text=X&starts_at=2026-05-01T00:00:00Z&ends_at=2026-04-01T00:00:00Z",
                           "text=X&ends_at=yesterday", "text=%00Donate"}) {
    auto res = h_.request("POST", "/api/v1/admin/donation_prompts", admin_token_, body);
    EXPECT_EQ(res->status, 422) << body << " " << res->body;
  }
  auto moderator = h_.create_user("mod_erin", "moderator");
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/donation_prompts",
                       h_.token_for(moderator, "admin:write"), "text=X")
                ->status,
            403);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM donation_prompts"), 0);
  auto id = prompt("text=X&min_account_age_days=0");
  EXPECT_EQ(
      h_.request("POST", "/api/v1/admin/donation_prompts/" + id + "/end", admin_token_)->status,
      200);
  EXPECT_TRUE(announcements().empty());
}

}  // namespace
}  // namespace lox
