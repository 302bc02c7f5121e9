// Supporter-funded seats: a donation whose checkout names a plan and months funds a seat; an
// administrator gives it to someone as a comp with the plan's perks for those months; a seat is
// given once; seats can be recorded by hand; the funding figures count them.
#include "app_harness.hpp"
#include "funding_fixtures.hpp"

#include <loxodon/payments/stripe_signature.hpp>

#include <gtest/gtest.h>

#include <chrono>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

std::int64_t now_s() { return lox::testing::unix_now(); }

class FundedSeatsTest : public ::testing::Test {
 protected:
  FundedSeatsTest()
      : h_(config::Environment{{"LOXODON_FUNDING_STRIPE_WEBHOOK_SECRETS", "whsec_test"}}),
        admin_(h_.create_user("tess", "admin")),
        patron_(h_.create_user("pat")),
        newcomer_(h_.create_user("nia")),
        token_(h_.token_for(admin_, "read admin:read admin:write")) {
    auto plan = h_.request("POST", "/api/v1/admin/plans", token_,
                           "name=Long+posts&price=4&currency=EUR&max_characters=2000");
    plan_id_ = json::parse(plan->body)["id"];
  }

  int deliver(const json& e) {
    return lox::testing::deliver_stripe(h_.port(), e, "whsec_test")->status;
  }

  AppHarness h_;
  domain::UserWithAccount admin_, patron_, newcomer_;
  std::string token_;
  std::string plan_id_;
};

TEST_F(FundedSeatsTest, ADonatedSeatIsGivenOnceAndCarriesThePlansPerks) {
  ASSERT_EQ(deliver({{"id", "evt_1"},
                     {"type", "checkout.session.completed"},
                     {"created", now_s()},
                     {"data",
                      {{"object",
                        {{"id", "cs_1"},
                         {"mode", "payment"},
                         {"amount_total", 1200},
                         {"currency", "eur"},
                         {"payment_intent", "pi_1"},
                         {"metadata",
                          {{"kind", "donation"},
                           {"account_id", std::to_string(patron_.account.id)},
                           {"seat_plan_id", plan_id_},
                           {"seat_months", "3"}}}}}}}}),
            200);
  auto seats = json::parse(h_.request("GET", "/api/v1/admin/seats", token_)->body);
  ASSERT_EQ(seats.size(), 1u);
  EXPECT_EQ(seats[0]["months"], 3);
  EXPECT_TRUE(seats[0]["acct"].is_null());
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM ledger_entries WHERE source = 'donation'"), 1);

  auto writer = h_.token_for(newcomer_, "write");
  const std::string long_post = "status=" + std::string(1500, 'a');
  EXPECT_EQ(h_.request("POST", "/api/v1/statuses", writer, long_post)->status, 422);
  std::string seat_id = seats[0]["id"];
  auto given = h_.request("POST", "/api/v1/admin/seats/" + seat_id + "/assign", token_,
                          "account_id=" + std::to_string(newcomer_.account.id));
  ASSERT_EQ(given->status, 200) << given->body;
  EXPECT_EQ(json::parse(given->body)["status"], "comped");
  EXPECT_FALSE(json::parse(given->body)["current_period_end"].is_null());
  EXPECT_EQ(h_.request("POST", "/api/v1/statuses", writer, long_post)->status, 200);
  // The period ends about three months from now.
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM memberships WHERE current_period_end BETWEEN "
                         "now() + interval '88 days' AND now() + interval '93 days'"),
            1);
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/seats/" + seat_id + "/assign", token_,
                       "account_id=" + std::to_string(patron_.account.id))
                ->status,
            422);

  auto summary = json::parse(h_.request("GET", "/api/v1/instance/funding", token_)->body);
  EXPECT_EQ(summary["seats"]["funded"], 1);
  EXPECT_EQ(summary["seats"]["given"], 1);
}

TEST_F(FundedSeatsTest, SeatsRecordedByHandAreChecked) {
  auto cost = h_.request("POST", "/api/v1/admin/ledger", token_,
                         "direction=out&category=Hosting&amount=5&currency=EUR");
  std::string cost_id = json::parse(cost->body)["id"];
  for (const std::string& body :
       {"plan_id=" + plan_id_ + "&months=0", "plan_id=" + plan_id_ + "&months=121",
        std::string("plan_id=999&months=2"),
        "plan_id=" + plan_id_ + "&months=2&ledger_entry_id=" + cost_id}) {
    EXPECT_EQ(h_.request("POST", "/api/v1/admin/seats", token_, body)->status, 422) << body;
  }
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM funded_seats"), 0);
  auto seat =
      h_.request("POST", "/api/v1/admin/seats", token_, "plan_id=" + plan_id_ + "&months=2");
  ASSERT_EQ(seat->status, 200) << seat->body;
  EXPECT_EQ(json::parse(seat->body)["funded_by"], "@tess");
  auto user_token = h_.token_for(patron_, "admin:read admin:write");
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/seats", user_token)->status, 403);
  EXPECT_EQ(h_.request("POST",
                       "/api/v1/admin/seats/" + json::parse(seat->body)["id"].get<std::string>() +
                           "/assign",
                       user_token, "account_id=" + std::to_string(patron_.account.id))
                ->status,
            403);
}

}  // namespace
}  // namespace lox
