// A membership's whole life through signed webhook payloads: created, renewed, payment failed,
// grace, beyond grace, recovered, cancelled at period end, ended; with duplicates and events
// arriving out of order. At each step the ledger and the entitlement are checked, the latter
// through the real client API: a member posts longer statuses than the instance's 500
// characters, and loses that (keeping what was posted) when the membership lapses.
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
constexpr std::int64_t kDay = 86400;

class MembershipLifecycleTest : public ::testing::Test {
 protected:
  MembershipLifecycleTest()
      : h_(config::Environment{{"LOXODON_FUNDING_STRIPE_WEBHOOK_SECRETS", "whsec_test_secret"},
                               {"LOXODON_FUNDING_GRACE_DAYS", "3"}}),
        admin_(h_.create_user("tess", "admin")),
        mia_(h_.create_user("mia")),
        admin_token_(h_.token_for(admin_, "read write admin:read admin:write")),
        mia_token_(h_.token_for(mia_, "read write")) {}

  int deliver(const std::string& id, const std::string& type, json object, std::int64_t created) {
    json e = {{"id", id},
              {"object", "event"},
              {"type", type},
              {"created", created},
              {"data", {{"object", std::move(object)}}}};
    const std::string body = e.dump();
    std::string headers = "Content-Type: application/json\r\nStripe-Signature: " +
                          payments::stripe_signature_header("whsec_test_secret", now_s(), body) +
                          "\r\n";
    auto res = lox::testing::http_request(h_.port(), "POST", "/api/v1/funding/webhooks/stripe",
                                          headers, body);
    return res ? res->status : 0;
  }
  json subscription(const std::string& status, std::int64_t period_end, bool cancel = false,
                    const std::string& price = "price_supporter") {
    return {{"id", "sub_1"},
            {"object", "subscription"},
            {"status", status},
            {"current_period_end", period_end},
            {"cancel_at_period_end", cancel},
            {"metadata", {{"account_id", std::to_string(mia_.account.id)}}},
            {"items", {{"data", json::array({{{"price", {{"id", price}}}}})}}}};
  }
  json invoice(const std::string& pi, std::int64_t period_end) {
    return {{"id", "in_" + pi},        {"object", "invoice"},  {"amount_paid", 400},
            {"currency", "eur"},       {"payment_intent", pi}, {"subscription", "sub_1"},
            {"period_end", period_end}};
  }
  // Whether mia may post a 700-character status now (the instance allows 500).
  int post_long() {
    auto res =
        h_.request("POST", "/api/v1/statuses", mia_token_, "status=" + std::string(700, 'a'));
    if (res && res->status == 200) posted_.push_back(json::parse(res->body)["id"]);
    return res ? res->status : 0;
  }
  std::string membership_income() {
    return h_.tdb.scalar(
        "SELECT count(*) || ' ' || coalesce(sum(amount_minor), 0) FROM ledger_entries "
        "WHERE source = 'membership'");
  }

  AppHarness h_;
  domain::UserWithAccount admin_, mia_;
  std::string admin_token_, mia_token_;
  std::vector<std::string> posted_;
};

TEST_F(MembershipLifecycleTest, AMembershipFromStartToEnd) {
  auto plan = h_.request("POST", "/api/v1/admin/plans", admin_token_,
                         "name=Supporter&price=4.00&currency=EUR&billing_interval=month"
                         "&provider_price_ref=price_supporter&max_characters=1000");
  ASSERT_EQ(plan->status, 200) << plan->body;
  EXPECT_EQ(json::parse(plan->body)["entitlements"]["max_characters"], 1000);
  const std::int64_t t = now_s() - 100;  // event times: t+1, t+2, ... in the order they happened

  EXPECT_EQ(post_long(), 422);  // a free account: 500 characters
  ASSERT_EQ(deliver("evt_1", "customer.subscription.created",
                    subscription("active", now_s() + 30 * kDay), t + 1),
            200);
  EXPECT_EQ(post_long(), 200);
  EXPECT_EQ(membership_income(), "0 0");

  // The first invoice, then the same delivery again: one entry.
  ASSERT_EQ(deliver("evt_2", "invoice.paid", invoice("pi_1", now_s() + 30 * kDay), t + 2), 200);
  ASSERT_EQ(deliver("evt_2", "invoice.paid", invoice("pi_1", now_s() + 30 * kDay), t + 2), 200);
  EXPECT_EQ(membership_income(), "1 400");
  // An old state arriving late changes nothing.
  ASSERT_EQ(deliver("evt_0", "customer.subscription.updated",
                    subscription("past_due", now_s() - 10 * kDay), t + 0),
            200);
  EXPECT_EQ(post_long(), 200);

  // Renewed for another month.
  ASSERT_EQ(deliver("evt_3", "invoice.paid", invoice("pi_2", now_s() + 60 * kDay), t + 3), 200);
  EXPECT_EQ(membership_income(), "2 800");

  // A renewal fails: past due, but the paid period has not ended.
  ASSERT_EQ(deliver("evt_4", "invoice.payment_failed",
                    {{"id", "in_fail"}, {"object", "invoice"}, {"subscription", "sub_1"}}, t + 4),
            200);
  EXPECT_EQ(h_.tdb.scalar("SELECT status FROM memberships"), "past_due");
  EXPECT_EQ(post_long(), 200);
  // The period ended a day ago: within the 3-day grace the perks stay.
  ASSERT_EQ(deliver("evt_5", "customer.subscription.updated",
                    subscription("past_due", now_s() - 1 * kDay), t + 5),
            200);
  EXPECT_EQ(post_long(), 200);
  // Five days ago: beyond the grace, the perk is gone; what was posted stays.
  ASSERT_EQ(deliver("evt_6", "customer.subscription.updated",
                    subscription("past_due", now_s() - 5 * kDay), t + 6),
            200);
  EXPECT_EQ(post_long(), 422);
  for (const auto& id : posted_) {
    auto kept = h_.request("GET", "/api/v1/statuses/" + id, mia_token_);
    ASSERT_EQ(kept->status, 200);
    EXPECT_NE(json::parse(kept->body)["content"].get<std::string>().find(std::string(700, 'a')),
              std::string::npos);
  }

  // The retried payment succeeds: active again.
  ASSERT_EQ(deliver("evt_7", "invoice.paid", invoice("pi_3", now_s() + 30 * kDay), t + 7), 200);
  EXPECT_EQ(h_.tdb.scalar("SELECT status FROM memberships"), "active");
  EXPECT_EQ(post_long(), 200);
  EXPECT_EQ(membership_income(), "3 1200");

  // Cancelled at the period's end: the paid month is still theirs.
  ASSERT_EQ(deliver("evt_8", "customer.subscription.updated",
                    subscription("active", now_s() + 30 * kDay, true), t + 8),
            200);
  EXPECT_EQ(post_long(), 200);
  // Ended.
  ASSERT_EQ(deliver("evt_9", "customer.subscription.deleted",
                    subscription("canceled", now_s() + 30 * kDay, true), t + 9),
            200);
  EXPECT_EQ(h_.tdb.scalar("SELECT status FROM memberships"), "ended");
  EXPECT_EQ(post_long(), 422);
  EXPECT_EQ(membership_income(), "3 1200");
}

TEST_F(MembershipLifecycleTest, UnknownPlansAndEarlyRenewalsRecordNothing) {
  const auto events = [&] { return h_.tdb.count("SELECT count(*) FROM payment_events"); };
  // No plan has this price: 422, nothing kept.
  EXPECT_EQ(deliver("evt_u", "customer.subscription.created",
                    subscription("active", now_s() + kDay, false, "price_unknown"), now_s()),
            422);
  // A renewal of a subscription not seen yet: 503, so the provider sends it again later.
  EXPECT_EQ(deliver("evt_r", "invoice.paid", invoice("pi_x", now_s() + kDay), now_s()), 503);
  EXPECT_EQ(events(), 0);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM ledger_entries"), 0);
  // Plans: bad input is a 422 naming the field; only administrators create them.
  for (const char* body :
       {"name=X&price=-1&currency=EUR", "name=X&price=1&currency=XYZ",
        "name=X&price=1&currency=EUR&billing_interval=week", "name=&price=1&currency=EUR",
        "name=X&price=1&currency=EUR&max_characters=0"}) {
    EXPECT_EQ(h_.request("POST", "/api/v1/admin/plans", admin_token_, body)->status, 422) << body;
  }
  auto mia_admin = h_.token_for(mia_, "admin:write");
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/plans", mia_admin, "name=Mine&price=1&currency=EUR")
                ->status,
            403);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM membership_plans"), 0);
}

}  // namespace
}  // namespace lox
