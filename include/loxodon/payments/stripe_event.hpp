#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lox::payments {

// A provider's webhook event in the provider-neutral shape the ledger and memberships use
// (the research's NormalizedEvent). Types: donation.received, checkout.completed,
// subscription.created, subscription.updated, subscription.renewed, subscription.payment_failed,
// subscription.ended, payment.refunded, dispute.opened, or "ignored".
struct PaymentEvent {
  std::string provider = "stripe";
  std::string event_id;       // the dedupe key
  std::string provider_type;  // as the provider named it
  std::string type;
  std::chrono::system_clock::time_point occurred_at{};
  std::string payment_ref;        // the payment (a Stripe PaymentIntent) money in and out refer to
  std::string object_ref;         // the object's own id (invoice, session, dispute...)
  std::int64_t amount_minor = 0;  // paid; refunded so far (cumulative); or disputed
  std::string currency;           // ISO 4217, upper case
  std::string customer_ref;
  std::string subscription_ref;
  std::string status;  // a subscription's status
  std::optional<std::chrono::system_clock::time_point> period_end;
  bool cancel_at_period_end = false;
  std::string price_ref;   // the subscription's price (its first item), which names the plan
  std::string account_id;  // metadata.account_id: the Loxodon account the checkout was for
  // metadata.kind "donation": a one-time or recurring donation, not a membership.
  bool donation = false;
  std::string interval;  // a recurring payment's: month, year
  // metadata.thanks ("named" with metadata.thanks_name, or "anonymous") and
  // metadata.thanks_message: the donor's opt-in to the public thanks wall.
  std::string thanks;
  std::string thanks_name;
  std::string thanks_message;
  // metadata.seat_plan_id and seat_months: a donation that funds months of a plan for others.
  std::string seat_plan_id;
  std::string seat_months;
};

// Reads a Stripe event (`{"id": "evt_...", "type": ..., "created": ..., "data": {"object":
// ...}}`); nothing when it is not one.
std::optional<PaymentEvent> read_stripe_event(const nlohmann::json& event);

}  // namespace lox::payments
