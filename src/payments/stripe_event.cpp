#include <loxodon/payments/stripe_event.hpp>
#include <loxodon/util/time_format.hpp>

#include <algorithm>
#include <cctype>
#include <vector>

namespace lox::payments {

using nlohmann::json;

namespace {

std::string text(const json& o, const char* key) {
  if (!o.is_object() || !o.contains(key)) return "";
  const json& v = o[key];
  if (v.is_string()) return v.get<std::string>();
  // Expanded objects carry their id.
  if (v.is_object() && v.contains("id") && v["id"].is_string()) return v["id"].get<std::string>();
  return "";
}

std::int64_t integer(const json& o, const char* key) {
  if (!o.is_object() || !o.contains(key) || !o[key].is_number_integer()) return 0;
  return o[key].get<std::int64_t>();
}

std::optional<std::chrono::system_clock::time_point> unix_time(const json& o, const char* key) {
  if (!o.is_object() || !o.contains(key) || !o[key].is_number_integer()) return std::nullopt;
  return from_epoch_seconds(o[key].get<std::int64_t>());  // nullopt beyond what the clock holds
}

// `o[key]` when it is an object; an empty object for anything else (absent, null, a string):
// Stripe documents many nested fields as nullable.
json object_at(const json& o, const char* key) {
  if (!o.is_object()) return json::object();
  auto it = o.find(key);
  return it != o.end() && it->is_object() ? *it : json::object();
}

// `o[key]` when it is an array; an empty array for anything else.
json array_at(const json& o, const char* key) {
  if (!o.is_object()) return json::array();
  auto it = o.find(key);
  return it != o.end() && it->is_array() ? *it : json::array();
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// Metadata is the object's own, or (on invoices) the subscription's, as Stripe copies it to
// subscription_details and to the invoice's lines.
json merged_metadata(const json& object, const json& first_line) {
  json metadata = object_at(object, "metadata");
  std::vector<json> more_metadata;
  more_metadata.push_back(object_at(object_at(object, "subscription_details"), "metadata"));
  more_metadata.push_back(object_at(first_line, "metadata"));
  for (const json& more : more_metadata) {
    for (const auto& [key, value] : more.items()) {
      if (!metadata.contains(key)) metadata[key] = value;
    }
  }
  return metadata;
}

void read_subscription(const json& object, PaymentEvent& e) {
  e.subscription_ref = e.object_ref;
  e.status = text(object, "status");
  e.period_end = unix_time(object, "current_period_end");
  e.cancel_at_period_end = object.value("cancel_at_period_end", json(false)) == json(true);
  const json items = array_at(object_at(object, "items"), "data");
  if (!items.empty() && items[0].is_object()) {
    e.price_ref = text(items[0], "price");
    e.interval = text(object_at(object_at(items[0], "price"), "recurring"), "interval");
  }
}

// The event's meaning for the ledger and memberships, from its Stripe type, and the figures
// that type carries.
void classify(const json& object, const json& first_line, PaymentEvent& e) {
  const std::string& t = e.provider_type;
  if (t == "checkout.session.completed" || t == "checkout.session.async_payment_succeeded") {
    // A delayed method (a bank debit) completes the session unpaid: the money counts when
    // async_payment_succeeded says it arrived.
    const std::string paid = text(object, "payment_status");
    const bool received = paid.empty() || paid == "paid" || paid == "no_payment_required";
    e.type = text(object, "mode") != "payment" ? "checkout.completed"
             : received                        ? "donation.received"
                                               : "ignored";
    e.amount_minor = integer(object, "amount_total");
    e.subscription_ref = text(object, "subscription");
    if (e.payment_ref.empty()) e.payment_ref = e.object_ref;
  } else if (t == "invoice.paid" || t == "invoice.payment_succeeded") {
    e.type = "subscription.renewed";
    e.amount_minor = integer(object, "amount_paid");
    e.subscription_ref = text(object, "subscription");
    if (e.payment_ref.empty()) e.payment_ref = e.object_ref;
    e.period_end = unix_time(object, "period_end");
    if (auto end = unix_time(object_at(first_line, "period"), "end")) e.period_end = end;
  } else if (t == "invoice.payment_failed") {
    e.type = "subscription.payment_failed";
    e.subscription_ref = text(object, "subscription");
  } else if (t == "customer.subscription.created" || t == "customer.subscription.updated" ||
             t == "customer.subscription.deleted") {
    e.type = t == "customer.subscription.created"   ? "subscription.created"
             : t == "customer.subscription.updated" ? "subscription.updated"
                                                    : "subscription.ended";
    read_subscription(object, e);
  } else if (t == "charge.refunded") {
    e.type = "payment.refunded";
    e.amount_minor = integer(object, "amount_refunded");
  } else if (t == "charge.dispute.created") {
    e.type = "dispute.opened";
    e.amount_minor = integer(object, "amount");
  } else if (t == "charge.dispute.closed") {
    // Won: the disputed money comes back. Lost or closed with a warning: it stays gone.
    e.type = text(object, "status") == "won" ? "dispute.won" : "ignored";
    e.amount_minor = integer(object, "amount");
  } else {
    e.type = "ignored";
  }
}

}  // namespace

std::optional<PaymentEvent> read_stripe_event(const json& event) {
  if (!event.is_object() || text(event, "id").empty() || text(event, "type").empty()) {
    return std::nullopt;
  }
  const json object = object_at(object_at(event, "data"), "object");
  if (object.empty()) return std::nullopt;
  PaymentEvent e;
  e.event_id = text(event, "id");
  e.provider_type = text(event, "type");
  e.occurred_at = unix_time(event, "created").value_or(std::chrono::system_clock::now());
  e.object_ref = text(object, "id");
  e.currency = upper(text(object, "currency"));
  e.customer_ref = text(object, "customer");
  e.payment_ref = text(object, "payment_intent");
  const json lines = array_at(object_at(object, "lines"), "data");
  const json first_line = lines.empty() ? json::object() : lines[0];
  const json metadata = merged_metadata(object, first_line);
  e.account_id = text(metadata, "account_id");
  e.donation = text(metadata, "kind") == "donation";
  e.thanks = text(metadata, "thanks");
  e.thanks_name = text(metadata, "thanks_name");
  e.thanks_message = text(metadata, "thanks_message");
  e.seat_plan_id = text(metadata, "seat_plan_id");
  e.seat_months = text(metadata, "seat_months");
  e.interval = text(object_at(object_at(first_line, "price"), "recurring"), "interval");
  classify(object, first_line, e);
  return e;
}

}  // namespace lox::payments
