// Funding goals and the published figures: a seeded ledger (several months, a refund, a second
// currency) must come out with the right totals in GET /api/v1/instance/funding, on
// /about/funding and in its SVG chart; settings and stretch goals are for administrators only
// and bad amounts change nothing.
#include "app_harness.hpp"

#include <loxodon/domain/funding_summary.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

class FundingApiTest : public ::testing::Test {
 protected:
  FundingApiTest()
      : admin_(h_.create_user("tess", "admin")),
        moderator_(h_.create_user("carol", "moderator")),
        admin_token_(h_.token_for(admin_, "read admin:read admin:write")),
        moderator_token_(h_.token_for(moderator_, "read admin:read admin:write")),
        month_(domain::month_of(std::chrono::system_clock::now())) {}

  std::string record(const std::string& body) {
    auto res = h_.request("POST", "/api/v1/admin/ledger", admin_token_, body);
    EXPECT_EQ(res->status, 200) << body << " " << res->body;
    return json::parse(res->body)["id"];
  }
  // The 15th of the month `back` months before this one.
  std::string months_ago(int back) { return domain::add_months(month_, -back) + "-15T12:00:00Z"; }
  void seed() {
    record("direction=in&source=donation&amount=200.00&currency=EUR&occurred_at=" + months_ago(3));
    for (int back = 3; back >= 1; --back) {
      record(
          "direction=out&category=Hosting&amount=60&currency=EUR&recurrence=monthly"
          "&occurred_at=" +
          months_ago(back));
    }
    record("direction=in&source=membership&amount=50&currency=EUR&occurred_at=" + months_ago(1));
    auto donation = record("direction=in&source=donation&amount=100.00&currency=EUR");
    auto refund = h_.request("POST", "/api/v1/admin/ledger/" + donation + "/reverse", admin_token_,
                             "kind=refund&amount=10.00");
    ASSERT_EQ(refund->status, 200) << refund->body;
    record("direction=in&source=membership&amount=50&currency=EUR");
    record("direction=in&source=sponsorship&amount=30&currency=EUR&community=photography");
    record("direction=out&category=Hosting&amount=40&currency=EUR");
    record("direction=out&category=Moderation&amount=20&currency=EUR");
    record("direction=in&source=donation&amount=5&currency=USD");
  }
  json summary() {
    auto res = h_.request("GET", "/api/v1/instance/funding");
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }

  AppHarness h_;
  domain::UserWithAccount admin_, moderator_;
  std::string admin_token_, moderator_token_;
  std::string month_;
};

TEST_F(FundingApiTest, PublishedFiguresMatchTheSeededLedger) {
  auto settings = h_.request("PUT", "/api/v1/admin/funding", admin_token_,
                             "currency=EUR&monthly_goal=500&reserve_target=1000.00"
                             "&description=Hosting+and+moderation+for+our+community");
  ASSERT_EQ(settings->status, 200) << settings->body;
  EXPECT_EQ(json::parse(settings->body)["monthly_goal"]["amount"], "500.00");
  EXPECT_EQ(json::parse(settings->body)["updated_by"], "@tess");
  for (const char* goal : {"title=Video+hosting&amount=150", "title=Paid+moderators&amount=1000"}) {
    auto res = h_.request("POST", "/api/v1/admin/funding/stretch_goals", admin_token_, goal);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(json::parse(res->body)["currency"], "EUR");
  }
  seed();

  auto s = summary();
  EXPECT_EQ(s["currency"], "EUR");
  EXPECT_EQ(s["month"], month_);
  EXPECT_EQ(s["raised_this_month"]["amount"], "170.00");
  EXPECT_EQ(s["goal"]["amount_minor"], 50000);
  EXPECT_EQ(s["goal"]["percent"], 34);
  ASSERT_EQ(s["stretch_goals"].size(), 2u);
  EXPECT_EQ(s["stretch_goals"][0]["title"], "Video hosting");
  EXPECT_EQ(s["stretch_goals"][0]["reached"], true);
  EXPECT_EQ(s["stretch_goals"][1]["reached"], false);
  auto by = [](const json& rows, const char* key, const char* value) {
    for (const auto& row : rows) {
      if (row[key] == value) return row["amount"].get<std::string>();
    }
    return std::string("missing");
  };
  EXPECT_EQ(by(s["income_by_source"], "source", "donation"), "90.00");
  EXPECT_EQ(by(s["income_by_source"], "source", "membership"), "50.00");
  EXPECT_EQ(by(s["income_by_source"], "source", "sponsorship"), "30.00");
  EXPECT_EQ(by(s["costs_by_category"], "category", "Hosting"), "40.00");
  EXPECT_EQ(by(s["costs_by_category"], "category", "Moderation"), "20.00");
  EXPECT_EQ(by(s["last_12_months"]["income_by_source"], "source", "donation"), "290.00");
  EXPECT_EQ(by(s["last_12_months"]["costs_by_category"], "category", "Hosting"), "220.00");
  // 420 in, 240 out.
  EXPECT_EQ(s["balance"]["amount"], "180.00");
  EXPECT_EQ(s["monthly_costs"]["amount"], "60.00");
  EXPECT_DOUBLE_EQ(s["runway_months"].get<double>(), 3.0);
  EXPECT_EQ(s["reserve_target"]["amount"], "1000.00");
  EXPECT_EQ(s["reserve_target"]["percent"], 18);
  ASSERT_EQ(s["other_currencies"].size(), 1u);
  EXPECT_EQ(s["other_currencies"][0]["currency"], "USD");
  EXPECT_EQ(s["other_currencies"][0]["amount"], "5.00");
  ASSERT_EQ(s["months"].size(), 12u);
  EXPECT_EQ(s["months"][11]["month"], month_);
  EXPECT_EQ(s["months"][11]["income"]["amount_minor"], 17000);
  EXPECT_EQ(s["months"][11]["costs"]["amount_minor"], 6000);
  EXPECT_EQ(s["months"][8]["income"]["amount_minor"], 20000);
  EXPECT_EQ(s["months"][8]["costs"]["amount_minor"], 6000);
  EXPECT_EQ(s["supporters"]["active_supporters"], 0);

  auto page = h_.request("GET", "/about/funding");
  ASSERT_EQ(page->status, 200);
  for (const char* expected :
       {"170.00 EUR", "500.00 EUR", "34%", "180.00 EUR", "60.00 EUR", "3.0 months", "1000.00 EUR",
        "5.00 USD", "Video hosting", "Donations", "Moderation",
        "Hosting and moderation for our community", "<svg"}) {
    EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
  }
  auto chart = h_.request("GET", "/about/funding/chart.svg");
  ASSERT_EQ(chart->status, 200);
  EXPECT_NE(chart->body.find(month_ + " income: 170.00 EUR"), std::string::npos);
  EXPECT_NE(chart->body.find(month_ + " costs: 60.00 EUR"), std::string::npos);
  EXPECT_NE(chart->body.find("class=\"goal\""), std::string::npos);
  EXPECT_EQ(chart->body.find("<script"), std::string::npos);
}

TEST_F(FundingApiTest, AnEmptyInstancePublishesZeroes) {
  auto s = summary();
  EXPECT_TRUE(s["currency"].is_null());
  EXPECT_TRUE(s["goal"].is_null());
  EXPECT_TRUE(s["runway_months"].is_null());
  EXPECT_EQ(s["balance"]["amount_minor"], 0);
  EXPECT_EQ(s["months"].size(), 12u);
  auto page = h_.request("GET", "/about/funding");
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("No monthly goal is set"), std::string::npos);
}

TEST_F(FundingApiTest, BadSettingsAreRefusedAndChangeNothing) {
  ASSERT_EQ(h_.request("PUT", "/api/v1/admin/funding", admin_token_, "currency=EUR&monthly_goal=5")
                ->status,
            200);
  for (const char* body : {
           "currency=XYZ&monthly_goal=5",
           "currency=&monthly_goal=5",
           "currency=EUR&monthly_goal=-5",
           "currency=EUR&monthly_goal=5.001",
           "currency=EUR&monthly_goal=99999999999999999999",
           "currency=JPY&monthly_goal=5.5",
           "currency=EUR&reserve_target=abc",
       }) {
    auto res = h_.request("PUT", "/api/v1/admin/funding", admin_token_, body);
    EXPECT_EQ(res->status, 422) << body << " " << res->body;
  }
  for (const char* body : {"title=&amount=5", "title=X&amount=0", "title=X&amount=-1",
                           "title=X&amount=5&currency=ABC"}) {
    auto res = h_.request("POST", "/api/v1/admin/funding/stretch_goals", admin_token_, body);
    EXPECT_EQ(res->status, 422) << body << " " << res->body;
  }
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM funding_stretch_goals"), 0);
  EXPECT_EQ(h_.tdb.count("SELECT monthly_goal_minor FROM funding_settings"), 500);
}

TEST_F(FundingApiTest, OnlyAdministratorsChangeGoals) {
  EXPECT_EQ(h_.request("PUT", "/api/v1/admin/funding", moderator_token_, "currency=EUR")->status,
            403);
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/funding", moderator_token_)->status, 403);
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/funding/stretch_goals", moderator_token_,
                       "title=X&amount=5&currency=EUR")
                ->status,
            403);
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/funding")->status, 401);
  auto read_only = h_.token_for(admin_, "read admin:read");
  EXPECT_EQ(h_.request("PUT", "/api/v1/admin/funding", read_only, "currency=EUR")->status, 403);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM funding_settings"), 0);

  auto goal = h_.request("POST", "/api/v1/admin/funding/stretch_goals", admin_token_,
                         "title=X&amount=5&currency=EUR");
  ASSERT_EQ(goal->status, 200);
  std::string id = json::parse(goal->body)["id"];
  EXPECT_EQ(
      h_.request("DELETE", "/api/v1/admin/funding/stretch_goals/" + id, moderator_token_)->status,
      403);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/admin/funding/stretch_goals/" + id, admin_token_)->status,
            200);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/admin/funding/stretch_goals/" + id, admin_token_)->status,
            404);
}

}  // namespace
}  // namespace lox
