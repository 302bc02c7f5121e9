// The thanks wall: donors who opted in appear by name or as "Anonymous", whether an
// administrator recorded the donation or the provider's signed webhook did; a recurring
// donation is thanked once however often it renews; refunded or hidden ones drop off.
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

json event(const std::string& id, const std::string& type, json object) {
  return lox::testing::stripe_event(id, type, std::move(object));
}

class ThanksWallTest : public ::testing::Test {
 protected:
  ThanksWallTest()
      : h_(config::Environment{{"LOXODON_FUNDING_STRIPE_WEBHOOK_SECRETS", "whsec_test"}}),
        admin_(h_.create_user("tess", "admin")),
        token_(h_.token_for(admin_, "admin:read admin:write")) {}

  int deliver(const json& e) {
    return lox::testing::deliver_stripe(h_.port(), e, "whsec_test")->status;
  }

  // Signed in: logged-out answers come from the one-second page cache.
  json wall() {
    auto res = h_.request("GET", "/api/v1/instance/funding", token_);
    EXPECT_EQ(res->status, 200);
    return json::parse(res->body)["thanks"];
  }
  std::string record(const std::string& body, int status = 200) {
    auto res = h_.request("POST", "/api/v1/admin/ledger", token_, body);
    EXPECT_EQ(res->status, status) << body << " " << res->body;
    return status == 200 ? json::parse(res->body)["id"].get<std::string>() : "";
  }

  AppHarness h_;
  domain::UserWithAccount admin_;
  std::string token_;
};

TEST_F(ThanksWallTest, DonorsWhoOptedInAreThankedByNameOrAnonymously) {
  auto ada = record(
      "direction=in&source=donation&amount=20&currency=EUR&thanks=named&thanks_name=Ada"
      "&thanks_message=Keep+going");
  record("direction=in&source=donation&amount=5&currency=EUR&thanks=anonymous");
  record("direction=in&source=donation&amount=7&currency=EUR");  // no thanks asked for
  auto list = wall();
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_TRUE(list[0]["name"].is_null());
  EXPECT_EQ(list[1]["name"], "Ada");
  EXPECT_EQ(list[1]["message"], "Keep going");
  auto page = h_.request("GET", "/about/funding");
  EXPECT_NE(page->body.find("<strong>Ada</strong> &mdash; Keep going"), std::string::npos);
  EXPECT_NE(page->body.find("<strong>Anonymous</strong>"), std::string::npos);

  // Refunded in full: off the wall. Hidden by an administrator: off, until shown again.
  ASSERT_EQ(
      h_.request("POST", "/api/v1/admin/ledger/" + ada + "/reverse", token_, "kind=refund")->status,
      200);
  EXPECT_EQ(wall().size(), 1u);
  auto rows = json::parse(h_.request("GET", "/api/v1/admin/thanks", token_)->body);
  ASSERT_EQ(rows.size(), 2u);
  std::string anonymous_id = rows[0]["name"].is_null() ? rows[0]["id"] : rows[1]["id"];
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/thanks/" + anonymous_id + "/hide", token_)->status,
            200);
  EXPECT_TRUE(wall().empty());
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/thanks/" + anonymous_id + "/show", token_)->status,
            200);
  EXPECT_EQ(wall().size(), 1u);
}

TEST_F(ThanksWallTest, ADisputeTakesADonationOffTheWallUntilItIsWon) {
  auto ada = record(
      "direction=in&source=donation&amount=20&currency=EUR&thanks=named"
      "&thanks_name=Ada");
  auto dispute =
      h_.request("POST", "/api/v1/admin/ledger/" + ada + "/reverse", token_, "kind=dispute");
  ASSERT_EQ(dispute->status, 200) << dispute->body;
  EXPECT_TRUE(wall().empty());
  std::string dispute_id = json::parse(dispute->body)["id"];
  ASSERT_EQ(h_.request("POST", "/api/v1/admin/ledger/" + dispute_id + "/reverse", token_,
                       "kind=correction")
                ->status,
            200);
  ASSERT_EQ(wall().size(), 1u);  // won: the donation stands again
  EXPECT_EQ(wall()[0]["name"], "Ada");
}

TEST_F(ThanksWallTest, BadThanksAreRefusedAndStoreNothing) {
  record("direction=in&source=membership&amount=5&currency=EUR&thanks=anonymous", 422);
  record("direction=in&source=donation&amount=5&currency=EUR&thanks=loudly", 422);
  record("direction=in&source=donation&amount=5&currency=EUR&thanks=named&thanks_name=+", 422);
  record("direction=in&source=donation&amount=5&currency=EUR&thanks=named&thanks_name=" +
             std::string(61, 'a'),
         422);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM ledger_entries"), 0);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM donation_thanks"), 0);
  auto user = h_.create_user("mia");
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/thanks", h_.token_for(user, "admin:read"))->status,
            403);
}

TEST_F(ThanksWallTest, ProviderDonationsCarryTheDonorsChoiceAndRecurringOnesAreThankedOnce) {
  json metadata = {{"kind", "donation"}, {"thanks", "named"}, {"thanks_name", "Grace\nHopper"}};
  EXPECT_EQ(deliver(event("evt_1", "checkout.session.completed",
                          {{"id", "cs_1"},
                           {"mode", "payment"},
                           {"amount_total", 1500},
                           {"currency", "eur"},
                           {"payment_intent", "pi_1"},
                           {"metadata", metadata}})),
            200);
  // A recurring donation: its subscription is no membership (no plan needed) and each paid
  // invoice is a monthly donation in the ledger.
  json subscription = {
      {"id", "sub_9"},
      {"object", "subscription"},
      {"status", "active"},
      {"current_period_end", now_s() + 86400 * 30},
      {"metadata", {{"kind", "donation"}, {"thanks", "anonymous"}}},
      {"items",
       {{"data",
         json::array(
             {{{"price", {{"id", "price_donation"}, {"recurring", {{"interval", "month"}}}}}}})}}}};
  EXPECT_EQ(deliver(event("evt_2", "customer.subscription.created", subscription)), 200);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(deliver(event("evt_inv" + std::to_string(i), "invoice.paid",
                            {{"id", "in_" + std::to_string(i)},
                             {"object", "invoice"},
                             {"amount_paid", 300},
                             {"currency", "eur"},
                             {"subscription", "sub_9"},
                             {"payment_intent", "pi_inv" + std::to_string(i)},
                             {"subscription_details",
                              {{"metadata", {{"kind", "donation"}, {"thanks", "anonymous"}}}}}})),
              200);
  }
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM ledger_entries WHERE source = 'donation' AND "
                         "recurrence = 'monthly'"),
            2);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM memberships"), 0);
  auto list = wall();
  ASSERT_EQ(list.size(), 2u) << list.dump();
  // Newest first: the recurring donation, thanked once, anonymously.
  EXPECT_TRUE(list[0]["name"].is_null());
  EXPECT_EQ(list[0]["recurring"], true);
  EXPECT_EQ(list[1]["name"], "Grace Hopper");  // control characters never reach the page
}

}  // namespace
}  // namespace lox
