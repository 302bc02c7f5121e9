#pragma once

#include <loxodon/payments/payment_provider.hpp>

namespace lox::payments {

// Payments made outside any online provider (cash, bank transfers): administrators record them
// in the ledger and give comps, so there is no checkout, cancellation or refund to call and no
// event to catch up on.
class ManualProvider : public PaymentProvider {
 public:
  std::string name() const override { return "manual"; }
  awaitable<CheckoutSession> checkout(CheckoutRequest request) override;
  awaitable<void> cancel_at_period_end(std::string subscription_ref) override;
  awaitable<void> refund(std::string payment_ref, std::optional<std::int64_t> amount_minor,
                         std::string idempotency_key) override;
  awaitable<std::vector<nlohmann::json>> events_since(
      std::chrono::system_clock::time_point since) override;
};

}  // namespace lox::payments
