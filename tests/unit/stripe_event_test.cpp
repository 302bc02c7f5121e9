// Reading Stripe events: nested fields Stripe documents as nullable (subscription_details,
// lines, price) may be null without the event being refused, and metadata reaches the event
// from the object, the subscription details or the first line.
#include <loxodon/payments/payment_provider.hpp>
#include <loxodon/payments/stripe_event.hpp>

#include <gtest/gtest.h>

namespace lox::payments {
namespace {

using nlohmann::json;

TEST(StripeEventTest, NullNestedFieldsAreReadAsAbsent) {
  json e = {
      {"id", "evt_1"},
      {"type", "invoice.paid"},
      {"created", 1700000000},
      {"data",
       {{"object",
         {{"id", "in_1"},
          {"amount_paid", 400},
          {"currency", "eur"},
          {"subscription", "sub_1"},
          {"subscription_details", nullptr},
          {"metadata", nullptr},
          {"lines", {{"data", json::array({{{"price", nullptr}, {"period", nullptr}}})}}}}}}}};
  auto event = read_stripe_event(e);
  ASSERT_TRUE(event);
  EXPECT_EQ(event->type, "subscription.renewed");
  EXPECT_EQ(event->amount_minor, 400);
  EXPECT_FALSE(event->donation);
  EXPECT_TRUE(event->interval.empty());
  EXPECT_FALSE(read_stripe_event(json{{"id", "evt_2"}, {"type", "x"}, {"data", nullptr}}));
}

TEST(StripeEventTest, ADelayedPaymentCountsWhenItArrives) {
  json session = {{"id", "cs_1"},      {"mode", "payment"},        {"amount_total", 500},
                  {"currency", "eur"}, {"payment_intent", "pi_1"}, {"payment_status", "unpaid"}};
  auto completed = read_stripe_event(
      {{"id", "evt_1"}, {"type", "checkout.session.completed"}, {"data", {{"object", session}}}});
  ASSERT_TRUE(completed);
  EXPECT_EQ(completed->type, "ignored");
  session["payment_status"] = "paid";
  auto arrived = read_stripe_event({{"id", "evt_2"},
                                    {"type", "checkout.session.async_payment_succeeded"},
                                    {"data", {{"object", session}}}});
  ASSERT_TRUE(arrived);
  EXPECT_EQ(arrived->type, "donation.received");
  EXPECT_EQ(arrived->payment_ref, "pi_1");
}

TEST(StripeEventTest, MetadataComesFromTheSubscriptionDetailsOrTheFirstLine) {
  json e = {
      {"id", "evt_1"},
      {"type", "invoice.paid"},
      {"data",
       {{"object",
         {{"id", "in_1"},
          {"subscription_details", {{"metadata", {{"kind", "donation"}}}}},
          {"lines",
           {{"data", json::array({{{"metadata", {{"thanks", "anonymous"}}},
                                   {"price", {{"recurring", {{"interval", "year"}}}}}}})}}}}}}}};
  auto event = read_stripe_event(e);
  ASSERT_TRUE(event);
  EXPECT_TRUE(event->donation);
  EXPECT_EQ(event->thanks, "anonymous");
  EXPECT_EQ(event->interval, "year");
}

TEST(StripeEventTest, ACheckoutFormCarriesTheMetadataToWhatItCreates) {
  CheckoutRequest r;
  r.amount_minor = 1000;
  r.currency = "EUR";
  r.product_name = "Donation to social.example";
  r.interval = "month";
  r.success_url = "https://social.example/about/funding?thanks=1";
  r.cancel_url = "https://social.example/about/funding";
  r.metadata = {{"kind", "donation"}, {"thanks_name", "Ada & co"}};
  std::string form = stripe_checkout_form(r);
  EXPECT_NE(form.find("mode=subscription"), std::string::npos);
  EXPECT_NE(form.find("line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=eur"), std::string::npos);
  EXPECT_NE(form.find("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=1000"),
            std::string::npos);
  EXPECT_NE(form.find("line_items%5B0%5D%5Bprice_data%5D%5Brecurring%5D%5Binterval%5D=month"),
            std::string::npos);
  EXPECT_NE(form.find("subscription_data%5Bmetadata%5D%5Bkind%5D=donation"), std::string::npos);
  EXPECT_NE(form.find("metadata%5Bthanks_name%5D=Ada%20%26%20co"), std::string::npos);

  CheckoutRequest once;
  once.amount_minor = 500;
  once.currency = "JPY";
  once.metadata = {{"kind", "donation"}};
  std::string one_time = stripe_checkout_form(once);
  EXPECT_NE(one_time.find("mode=payment"), std::string::npos);
  EXPECT_NE(one_time.find("payment_intent_data%5Bmetadata%5D%5Bkind%5D=donation"),
            std::string::npos);
}

}  // namespace
}  // namespace lox::payments
