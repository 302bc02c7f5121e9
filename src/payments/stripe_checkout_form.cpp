#include <loxodon/payments/payment_provider.hpp>
#include <loxodon/util/url_encode.hpp>

#include <algorithm>
#include <cctype>

namespace lox::payments {

std::string stripe_checkout_form(const CheckoutRequest& r) {
  std::vector<std::pair<std::string, std::string>> fields;
  const bool subscription = !r.price_ref.empty() || !r.interval.empty();
  fields.emplace_back("mode", subscription ? "subscription" : "payment");
  fields.emplace_back("success_url", r.success_url);
  fields.emplace_back("cancel_url", r.cancel_url);
  fields.emplace_back("line_items[0][quantity]", "1");
  if (!r.price_ref.empty()) {
    fields.emplace_back("line_items[0][price]", r.price_ref);
  } else {
    std::string currency = r.currency;
    std::transform(currency.begin(), currency.end(), currency.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    fields.emplace_back("line_items[0][price_data][currency]", currency);
    fields.emplace_back("line_items[0][price_data][unit_amount]", std::to_string(r.amount_minor));
    fields.emplace_back("line_items[0][price_data][product_data][name]", r.product_name);
    if (!r.interval.empty()) {
      fields.emplace_back("line_items[0][price_data][recurring][interval]", r.interval);
    }
  }
  // The metadata goes on the session and on what it creates, so every later event (invoices,
  // subscription changes, refunds) carries it.
  const std::string carrier = subscription ? "subscription_data" : "payment_intent_data";
  for (const auto& [key, value] : r.metadata) {
    fields.emplace_back("metadata[" + key + "]", value);
    fields.emplace_back(carrier + "[metadata][" + key + "]", value);
  }
  std::string body;
  for (const auto& [key, value] : fields) {
    if (!body.empty()) body += '&';
    body += url_encode(key) + "=" + url_encode(value);
  }
  return body;
}

}  // namespace lox::payments
