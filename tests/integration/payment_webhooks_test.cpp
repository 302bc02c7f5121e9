// Stripe-compatible webhooks into the ledger, through the real HTTP route: the tests sign their
// own payloads (no network). Forged, stale and malformed deliveries are refused with 400 and
// record nothing; a repeated event is answered 200 and adds nothing; refunds count what was
// refunded so far, so repeats and reordering never count twice.
#include "app_harness.hpp"
#include "funding_fixtures.hpp"

#include <loxodon/payments/stripe_signature.hpp>

#include <gtest/gtest.h>

#include <chrono>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

const char* kPath = "/api/v1/funding/webhooks/stripe";

std::int64_t now_s() { return lox::testing::unix_now(); }

json event(const std::string& id, const std::string& type, json object) {
  return lox::testing::stripe_event(id, type, std::move(object));
}

class PaymentWebhooksTest : public ::testing::Test {
 protected:
  PaymentWebhooksTest()
      : h_(config::Environment{
            {"LOXODON_FUNDING_STRIPE_WEBHOOK_SECRETS", "whsec_new, whsec_old"}}) {}

  std::optional<lox::testing::RawResponse> deliver(const json& e,
                                                   const std::string& secret = "whsec_new",
                                                   std::int64_t at = 0) {
    const std::string body = e.dump();
    return send(body, payments::stripe_signature_header(secret, at ? at : now_s(), body));
  }
  std::optional<lox::testing::RawResponse> send(const std::string& body,
                                                const std::string& signature) {
    std::string headers = "Content-Type: application/json\r\n";
    if (!signature.empty()) headers += "Stripe-Signature: " + signature + "\r\n";
    return lox::testing::http_request(h_.port(), "POST", kPath, headers, body);
  }
  long long entries() { return h_.tdb.count("SELECT count(*) FROM ledger_entries"); }
  long long events() { return h_.tdb.count("SELECT count(*) FROM payment_events"); }
  std::string reversed(const std::string& ref) {
    return h_.tdb.scalar(
        "SELECT coalesce(sum(r.amount_minor), 0) FROM ledger_entries r JOIN ledger_entries o ON "
        "o.id = r.reverses_entry_id WHERE o.provider_ref = '" +
        ref + "'");
  }

  AppHarness h_;
};

json checkout(const std::string& pi, std::int64_t cents) {
  return {{"id", "cs_" + pi},  {"object", "checkout.session"},
          {"mode", "payment"}, {"amount_total", cents},
          {"currency", "eur"}, {"payment_intent", pi}};
}

json refund(const std::string& pi, std::int64_t so_far) {
  return {{"id", "ch_" + pi},
          {"object", "charge"},
          {"amount_refunded", so_far},
          {"currency", "eur"},
          {"payment_intent", pi}};
}

TEST_F(PaymentWebhooksTest, APaymentIsRecordedOnceHoweverOftenItArrives) {
  auto first = deliver(event("evt_1", "checkout.session.completed", checkout("pi_1", 2500)));
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(json::parse(first->body)["duplicate"], false);
  EXPECT_EQ(h_.tdb.scalar("SELECT source || ' ' || amount_minor || ' ' || currency || ' ' || "
                          "recorded_by FROM ledger_entries"),
            "donation 2500 EUR provider:stripe");
  // The same event again, and another event about the same money: nothing new.
  auto again = deliver(event("evt_1", "checkout.session.completed", checkout("pi_1", 2500)));
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["duplicate"], true);
  json invoice = {{"id", "in_1"},
                  {"object", "invoice"},
                  {"amount_paid", 2500},
                  {"currency", "eur"},
                  {"payment_intent", "pi_1"}};
  EXPECT_EQ(deliver(event("evt_2", "invoice.paid", invoice))->status, 200);
  EXPECT_EQ(entries(), 1);
  // Signed with the older secret during a rotation: accepted.
  EXPECT_EQ(deliver(event("evt_3", "invoice.paid",
                          {{"id", "in_2"},
                           {"amount_paid", 900},
                           {"currency", "usd"},
                           {"payment_intent", "pi_2"}}),
                    "whsec_old")
                ->status,
            200);
  EXPECT_EQ(h_.tdb.scalar("SELECT source FROM ledger_entries WHERE provider_ref = 'pi_2'"),
            "membership");
  // A trial's invoice moves no money and makes no entry.
  EXPECT_EQ(deliver(event("evt_4", "invoice.paid",
                          {{"id", "in_3"}, {"amount_paid", 0}, {"currency", "eur"}}))
                ->status,
            200);
  EXPECT_EQ(entries(), 2);
  EXPECT_EQ(events(), 4);
}

TEST_F(PaymentWebhooksTest, ForgedStaleAndMalformedDeliveriesRecordNothing) {
  const json e = event("evt_x", "checkout.session.completed", checkout("pi_x", 1000));
  const std::string body = e.dump();
  struct Case {
    std::string body, signature;
  };
  for (const auto& c : std::vector<Case>{
           {body, payments::stripe_signature_header("whsec_someone_else", now_s(), body)},
           {body, payments::stripe_signature_header("whsec_new", now_s() - 400, body)},  // stale
           {body, payments::stripe_signature_header("whsec_new", now_s() + 400, body)},
           {body + " ", payments::stripe_signature_header("whsec_new", now_s(), body)},  // edited
           {body, ""},
           {body, "t=abc,v1=00"},
           {"not json", payments::stripe_signature_header("whsec_new", now_s(), "not json")},
           {"{}", payments::stripe_signature_header("whsec_new", now_s(), "{}")},
       }) {
    auto res = send(c.body, c.signature);
    EXPECT_EQ(res->status, 400) << c.signature << " " << res->body;
  }
  // A replay of a valid delivery outside the tolerance is stale too.
  EXPECT_EQ(deliver(e, "whsec_new", now_s() - 3600)->status, 400);
  EXPECT_EQ(events(), 0);
  EXPECT_EQ(entries(), 0);
}

TEST_F(PaymentWebhooksTest, RefundsCountWhatWasRefundedSoFarInAnyOrder) {
  ASSERT_EQ(deliver(event("evt_p", "checkout.session.completed", checkout("pi_r", 2500)))->status,
            200);
  ASSERT_EQ(deliver(event("evt_r1", "charge.refunded", refund("pi_r", 1000)))->status, 200);
  EXPECT_EQ(reversed("pi_r"), "1000");
  // The same refund reported again under another event id: nothing more.
  ASSERT_EQ(deliver(event("evt_r1b", "charge.refunded", refund("pi_r", 1000)))->status, 200);
  EXPECT_EQ(reversed("pi_r"), "1000");
  ASSERT_EQ(deliver(event("evt_r2", "charge.refunded", refund("pi_r", 2500)))->status, 200);
  EXPECT_EQ(reversed("pi_r"), "2500");
  // An older event arriving late changes nothing.
  ASSERT_EQ(deliver(event("evt_r0", "charge.refunded", refund("pi_r", 1000)))->status, 200);
  EXPECT_EQ(reversed("pi_r"), "2500");

  // A refund before its payment is refused for now (503, nothing kept) and taken when
  // delivered again after the payment.
  auto early = deliver(event("evt_e1", "charge.refunded", refund("pi_late", 500)));
  EXPECT_EQ(early->status, 503) << early->body;
  ASSERT_EQ(
      deliver(event("evt_e0", "checkout.session.completed", checkout("pi_late", 500)))->status,
      200);
  ASSERT_EQ(deliver(event("evt_e1", "charge.refunded", refund("pi_late", 500)))->status, 200);
  EXPECT_EQ(reversed("pi_late"), "500");
  // A dispute reverses what remains, never more.
  ASSERT_EQ(deliver(event("evt_d0", "checkout.session.completed", checkout("pi_d", 800)))->status,
            200);
  ASSERT_EQ(
      deliver(
          event(
              "evt_d1", "charge.dispute.created",
              {{"id", "dp_1"}, {"amount", 5000}, {"currency", "eur"}, {"payment_intent", "pi_d"}}))
          ->status,
      200);
  EXPECT_EQ(reversed("pi_d"), "800");
}

TEST_F(PaymentWebhooksTest, AWonDisputeGivesTheMoneyBack) {
  ASSERT_EQ(deliver(event("evt_w0", "checkout.session.completed", checkout("pi_w", 2500)))->status,
            200);
  json dispute = {
      {"id", "dp_w"}, {"amount", 2500}, {"currency", "eur"}, {"payment_intent", "pi_w"}};
  // The outcome before the dispute itself: delivered again later.
  json won = dispute;
  won["status"] = "won";
  EXPECT_EQ(deliver(event("evt_w2", "charge.dispute.closed", won))->status, 503);
  ASSERT_EQ(deliver(event("evt_w1", "charge.dispute.created", dispute))->status, 200);
  auto balance = [&] {
    return h_.tdb.scalar(
        "SELECT sum(CASE WHEN direction = 'in' THEN amount_minor ELSE -amount_minor END) FROM "
        "ledger_entries");
  };
  EXPECT_EQ(balance(), "0");
  ASSERT_EQ(deliver(event("evt_w2", "charge.dispute.closed", won))->status, 200);
  ASSERT_EQ(deliver(event("evt_w2", "charge.dispute.closed", won))->status, 200);  // again
  EXPECT_EQ(balance(), "2500");
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM ledger_entries WHERE source = 'correction'"), 1);
  // The funding figures count it as the donation it was.
  auto summary = json::parse(h_.request("GET", "/api/v1/instance/funding")->body);
  EXPECT_EQ(summary["raised_this_month"]["amount"], "25.00");
  EXPECT_EQ(summary["income_by_source"][0]["source"], "donation");
  // A lost dispute changes nothing.
  json lost = dispute;
  lost["id"] = "dp_l";
  lost["status"] = "lost";
  EXPECT_EQ(deliver(event("evt_l2", "charge.dispute.closed", lost))->status, 200);
  EXPECT_EQ(balance(), "2500");
  // The payment is whole again: all of it can still be refunded, and no more.
  auto admin = h_.create_user("tess", "admin");
  auto token = h_.token_for(admin, "admin:read admin:write");
  std::string payment = h_.tdb.scalar(
      "SELECT id FROM ledger_entries WHERE provider_ref = 'pi_w' AND reverses_entry_id IS NULL");
  auto too_much = h_.request("POST", "/api/v1/admin/ledger/" + payment + "/reverse", token,
                             "kind=refund&amount=25.01");
  EXPECT_EQ(too_much->status, 422) << too_much->body;
  EXPECT_NE(too_much->body.find("(25.00 EUR)"), std::string::npos) << too_much->body;
  auto refund = h_.request("POST", "/api/v1/admin/ledger/" + payment + "/reverse", token,
                           "kind=refund&amount=25.00");
  EXPECT_EQ(refund->status, 200) << refund->body;
  EXPECT_EQ(balance(), "0");
}

}  // namespace
}  // namespace lox
