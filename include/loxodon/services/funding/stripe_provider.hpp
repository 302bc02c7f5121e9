#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/payments/payment_provider.hpp>

namespace lox::services {

// Stripe's API (funding.stripe_api_base, with funding.stripe_secret_key) through the
// SSRF-guarded client: Checkout Sessions, cancelling at period end, refunds, and the event
// list for reconciling. The key goes only into the Authorization header and is never logged.
class StripeProvider : public payments::PaymentProvider {
 public:
  StripeProvider(const config::Config& config, net::HttpClient& client);

  std::string name() const override { return "stripe"; }
  awaitable<payments::CheckoutSession> checkout(payments::CheckoutRequest request) override;
  awaitable<void> cancel_at_period_end(std::string subscription_ref) override;
  awaitable<void> refund(std::string payment_ref, std::optional<std::int64_t> amount_minor,
                         std::string idempotency_key) override;
  awaitable<std::vector<nlohmann::json>> events_since(
      std::chrono::system_clock::time_point since) override;

 private:
  // One API call; the parsed answer of a 2xx, else ProviderError with Stripe's message.
  awaitable<nlohmann::json> call(std::string method, std::string path, std::string form,
                                 std::string idempotency_key = "");

  // The API version Loxodon reads events and objects in: the fields it uses
  // (invoice.payment_intent, subscription.current_period_end) as that version has them.
  static constexpr const char* kApiVersion = "2024-06-20";

  const config::Config& config_;
  net::HttpClient& client_;
};

}  // namespace lox::services
