#include <loxodon/payments/manual_provider.hpp>

namespace lox::payments {

awaitable<CheckoutSession> ManualProvider::checkout(CheckoutRequest) {
  throw ProviderError("This instance takes payments by hand: see its funding page for how to pay",
                      ProviderError::Kind::kUnsupported);
  co_return CheckoutSession{};
}

awaitable<void> ManualProvider::cancel_at_period_end(std::string) {
  throw ProviderError("Memberships here are given by the administrators: ask them",
                      ProviderError::Kind::kUnsupported);
  co_return;
}

awaitable<void> ManualProvider::refund(std::string, std::optional<std::int64_t>, std::string) {
  throw ProviderError(
      "Payments recorded by hand are refunded by hand: record the refund in the ledger",
      ProviderError::Kind::kUnsupported);
  co_return;
}

awaitable<std::vector<nlohmann::json>> ManualProvider::events_since(
    std::chrono::system_clock::time_point) {
  co_return std::vector<nlohmann::json>{};
}

}  // namespace lox::payments
