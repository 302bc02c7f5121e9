#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/membership.hpp>
#include <loxodon/payments/payment_provider.hpp>
#include <loxodon/services/funding/payment_webhook_service.hpp>
#include <loxodon/util/asio.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

struct DonationCheckout {
  std::string amount;                 // in the currency's major unit
  std::string currency;               // ISO 4217
  std::string interval;               // "" (once), month, year
  std::optional<std::string> thanks;  // named, anonymous
  std::string thanks_name;
  std::string thanks_message;
};

struct ReconcileReport {
  std::size_t seen = 0;
  std::size_t recorded = 0;
  std::size_t duplicates = 0;
  std::size_t refused = 0;  // not ours to record (unknown plan or account) or not yet possible
};

// The outbound side of payments, through the configured provider (Stripe when its key is set,
// else the manual provider, which has none of this): checkouts for a plan or a donation,
// members cancelling their own subscription at the end of its period, administrators refunding
// a payment, and reconciling the events whose webhooks never arrived. What happens to money
// and memberships is still decided by the events alone (PaymentWebhookService).
class CheckoutService {
 public:
  CheckoutService(const config::Config& config, db::Database& db,
                  payments::PaymentProvider& provider, PaymentWebhookService& events);

  // The provider's checkout address for `plan_id` (404 for an unknown or inactive plan, 422
  // for a plan without a provider price, or with the manual provider).
  awaitable<std::string> membership_checkout(domain::UserWithAccount user, std::int64_t plan_id);
  // A donation's checkout address; anyone may give, signed in or not. 422 for a bad amount,
  // currency, interval or thanks.
  awaitable<std::string> donation_checkout(std::optional<domain::UserWithAccount> donor,
                                           DonationCheckout donation);
  // A checkout for `months` of a plan someone else will get (a supporter-funded seat): the
  // plan's price for that long, as a donation. 404 for an unknown plan; 422 for months outside
  // 1 to 120, or not whole years of a yearly plan.
  awaitable<std::string> seat_checkout(domain::UserWithAccount user, std::int64_t plan_id,
                                       int months);
  // Asks the provider to end the member's running subscription when its period ends (404
  // without one). The provider's event then records it.
  awaitable<domain::Membership> cancel_membership(domain::UserWithAccount user);
  // Administrators only: refunds a provider payment recorded in the ledger, in full or
  // `amount`; the provider's refund event records the reversal.
  awaitable<void> refund(domain::UserWithAccount admin, std::int64_t ledger_entry_id,
                         std::optional<std::string> amount);
  // Applies the provider's events since `since`, oldest first, reporting after each.
  awaitable<ReconcileReport> reconcile(std::chrono::system_clock::time_point since,
                                       std::function<void(const ReconcileReport&)> progress);

  const std::string& provider_name() const { return provider_name_; }

 private:
  // The provider's checkout address, its refusals as client errors.
  awaitable<std::string> open_checkout(payments::CheckoutRequest request);
  // An active plan by id; 404 otherwise.
  awaitable<domain::MembershipPlan> active_plan(std::int64_t plan_id);

  const config::Config& config_;
  db::Database& db_;
  payments::PaymentProvider& provider_;
  PaymentWebhookService& events_;
  std::string provider_name_;
};

}  // namespace lox::services
