#pragma once

#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace lox::payments {

// What a checkout is for: a plan's subscription, or a donation (one-time, or recurring when
// `interval` is set) of an amount the donor chose.
struct CheckoutRequest {
  std::string price_ref;          // a plan's provider price (subscriptions)
  std::int64_t amount_minor = 0;  // a donation
  std::string currency;           // ISO 4217, upper case
  std::string product_name;       // a donation's line, as the donor sees it
  std::string interval;           // a recurring donation: month, year
  std::string success_url;
  std::string cancel_url;
  // Copied to the payment or subscription, and so back into its webhooks (account_id, kind,
  // thanks...).
  std::vector<std::pair<std::string, std::string>> metadata;
};

struct CheckoutSession {
  std::string id;
  std::string url;  // where to send the person to pay
};

// The provider refused, cannot do this, or could not be reached. `what()` is safe to show:
// it never carries a key.
class ProviderError : public std::runtime_error {
 public:
  enum class Kind {
    kUnsupported,  // the provider has no such operation (the manual provider has no checkout)
    kRefused,      // the provider refused the request as made (an amount below its minimum)
    kUnavailable,  // the provider could not be reached or failed
  };
  ProviderError(const std::string& what, Kind kind) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// One interface over payment providers. Their inbound side (webhooks → normalized events) is
// read_stripe_event; this is the outbound side.
class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string name() const = 0;
  virtual awaitable<CheckoutSession> checkout(CheckoutRequest request) = 0;
  // Ends a subscription when its paid period ends (the member keeps what they paid for).
  virtual awaitable<void> cancel_at_period_end(std::string subscription_ref) = 0;
  // Refunds a payment, all of it or `amount_minor`; the provider's refund event then records the
  // reversal in the ledger. The same `idempotency_key` never refunds twice (a retry after a
  // timeout).
  virtual awaitable<void> refund(std::string payment_ref, std::optional<std::int64_t> amount_minor,
                                 std::string idempotency_key) = 0;
  // The provider's events since `since`, oldest first (its own JSON), to catch up on webhooks
  // that never arrived.
  virtual awaitable<std::vector<nlohmann::json>> events_since(
      std::chrono::system_clock::time_point since) = 0;
};

// Stripe's form body for a Checkout Session (application/x-www-form-urlencoded).
std::string stripe_checkout_form(const CheckoutRequest& request);

}  // namespace lox::payments
