#include <loxodon/payments/stripe_event.hpp>

#include <algorithm>
#include <cctype>

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
  return std::chrono::system_clock::time_point(std::chrono::seconds(o[key].get<std::int64_t>()));
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

}  // namespace

std::optional<PaymentEvent> read_stripe_event(const json& event) {
  if (!event.is_object() || text(event, "id").empty() || text(event, "type").empty()) {
    return std::nullopt;
  }
  const json object = event.value("data", json::object()).value("object", json::object());
  if (!object.is_object()) return std::nullopt;
  PaymentEvent e;
  e.event_id = text(event, "id");
  e.provider_type = text(event, "type");
  e.occurred_at = unix_time(event, "created").value_or(std::chrono::system_clock::now());
  e.object_ref = text(object, "id");
  e.currency = upper(text(object, "currency"));
  e.customer_ref = text(object, "customer");
  e.payment_ref = text(object, "payment_intent");
  // Metadata is the object's own, or (on invoices) the subscription's, as Stripe copies it to
  // subscription_details and to the invoice's lines.
  json metadata = object.value("metadata", json::object());
  const json lines = object.value("lines", json::object()).value("data", json::array());
  for (const json& more :
       {object.value("subscription_details", json::object()).value("metadata", json::object()),
        lines.is_array() && !lines.empty() && lines[0].is_object()
            ? lines[0].value("metadata", json::object())
            : json::object()}) {
    if (!metadata.is_object() || !more.is_object()) continue;
    for (const auto& [key, value] : more.items()) {
      if (!metadata.contains(key)) metadata[key] = value;
    }
  }
  e.account_id = text(metadata, "account_id");
  e.donation = text(metadata, "kind") == "donation";
  e.thanks = text(metadata, "thanks");
  e.thanks_name = text(metadata, "thanks_name");
  e.thanks_message = text(metadata, "thanks_message");
  if (lines.is_array() && !lines.empty() && lines[0].is_object()) {
    const json price = lines[0].value("price", json::object());
    e.interval = text(price.value("recurring", json::object()), "interval");
  }
  const std::string& t = e.provider_type;
  if (t == "checkout.session.completed") {
    e.type = text(object, "mode") == "payment" ? "donation.received" : "checkout.completed";
    e.amount_minor = integer(object, "amount_total");
    e.subscription_ref = text(object, "subscription");
    if (e.payment_ref.empty()) e.payment_ref = e.object_ref;
  } else if (t == "invoice.paid" || t == "invoice.payment_succeeded") {
    e.type = "subscription.renewed";
    e.amount_minor = integer(object, "amount_paid");
    e.subscription_ref = text(object, "subscription");
    if (e.payment_ref.empty()) e.payment_ref = e.object_ref;
    e.period_end = unix_time(object, "period_end");
    if (lines.is_array() && !lines.empty()) {
      if (auto end = unix_time(lines[0].value("period", json::object()), "end")) e.period_end = end;
    }
  } else if (t == "invoice.payment_failed") {
    e.type = "subscription.payment_failed";
    e.subscription_ref = text(object, "subscription");
  } else if (t == "customer.subscription.created" || t == "customer.subscription.updated" ||
             t == "customer.subscription.deleted") {
    e.type = t == "customer.subscription.created"   ? "subscription.created"
             : t == "customer.subscription.updated" ? "subscription.updated"
                                                    : "subscription.ended";
    e.subscription_ref = e.object_ref;
    e.status = text(object, "status");
    e.period_end = unix_time(object, "current_period_end");
    e.cancel_at_period_end = object.value("cancel_at_period_end", json(false)) == json(true);
    const json items = object.value("items", json::object()).value("data", json::array());
    if (items.is_array() && !items.empty() && items[0].is_object()) {
      e.price_ref = text(items[0], "price");
      const json price = items[0].value("price", json::object());
      e.interval = text(price.value("recurring", json::object()), "interval");
    }
  } else if (t == "charge.refunded") {
    e.type = "payment.refunded";
    e.amount_minor = integer(object, "amount_refunded");
  } else if (t == "charge.dispute.created") {
    e.type = "dispute.opened";
    e.amount_minor = integer(object, "amount");
  } else {
    e.type = "ignored";
  }
  return e;
}

}  // namespace lox::payments
