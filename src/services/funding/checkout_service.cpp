#include <loxodon/db/database.hpp>
#include <loxodon/db/ledger_repository.hpp>
#include <loxodon/db/membership_repository.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/payments/stripe_event.hpp>
#include <loxodon/services/funding/checkout_service.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

namespace lox::services {

namespace {

// What the provider said, as the client's error: 422 for what this provider cannot do or
// refused as asked, 502 for an outage.
Error provider_error(const std::string& message, payments::ProviderError::Kind kind) {
  return Error(kind == payments::ProviderError::Kind::kUnavailable ? ErrorCode::kBadGateway
                                                                   : ErrorCode::kUnprocessable,
               message);
}

}  // namespace

CheckoutService::CheckoutService(const config::Config& config, db::Database& db,
                                 payments::PaymentProvider& provider, PaymentWebhookService& events)
    : config_(config),
      db_(db),
      provider_(provider),
      events_(events),
      provider_name_(provider.name()) {}

awaitable<std::string> CheckoutService::open_checkout(payments::CheckoutRequest request) {
  // Named results, never a co_await in a catch handler (GCC 12).
  std::optional<std::string> failure;
  auto kind = payments::ProviderError::Kind::kUnavailable;
  payments::CheckoutSession session;
  try {
    session = co_await provider_.checkout(std::move(request));
  } catch (const payments::ProviderError& e) {
    failure = e.what();
    kind = e.kind();
  }
  if (failure) throw provider_error(*failure, kind);
  co_return session.url;
}

awaitable<domain::MembershipPlan> CheckoutService::active_plan(std::int64_t plan_id) {
  auto plans = co_await db_.read([](db::Tx& tx) { return db::MembershipRepository::plans(tx); });
  for (auto& p : plans) {
    if (p.id == plan_id && p.active) co_return std::move(p);
  }
  throw Error(ErrorCode::kNotFound, "Record not found");
}

awaitable<std::string> CheckoutService::membership_checkout(domain::UserWithAccount user,
                                                            std::int64_t plan_id) {
  auto found = co_await active_plan(plan_id);
  const domain::MembershipPlan* plan = &found;
  if (!plan->provider_price_ref) {
    throw validation_failed("This plan is given by the administrators, not bought online");
  }
  payments::CheckoutRequest request;
  request.price_ref = *plan->provider_price_ref;
  request.success_url = config_.base_url() + "/about/funding?checkout=done";
  request.cancel_url = config_.base_url() + "/about/funding?checkout=cancelled";
  request.metadata = {{"account_id", std::to_string(user.account.id)}};
  co_return co_await open_checkout(std::move(request));
}

awaitable<std::string> CheckoutService::donation_checkout(
    std::optional<domain::UserWithAccount> donor, DonationCheckout d) {
  if (!domain::currency_exponent(d.currency)) {
    throw validation_failed("Currency is not an ISO 4217 currency code");
  }
  auto amount = domain::parse_amount(d.amount, d.currency);
  if (!amount || *amount == 0 || *amount > 99'999'999) {
    throw validation_failed("Amount must be a positive amount of " + d.currency +
                            " that one payment can carry");
  }
  if (!d.interval.empty() && d.interval != "month" && d.interval != "year") {
    throw validation_failed("Interval must be month or year (or none for a one-time donation)");
  }
  payments::CheckoutRequest request;
  request.amount_minor = *amount;
  request.currency = d.currency;
  request.interval = d.interval;
  request.product_name = "Donation to " + config_.instance.title;
  request.success_url = config_.base_url() + "/about/funding?donation=thanks";
  request.cancel_url = config_.base_url() + "/about/funding";
  request.metadata = {{"kind", "donation"}};
  if (donor) request.metadata.emplace_back("account_id", std::to_string(donor->account.id));
  if (d.thanks && !d.thanks->empty()) {
    if (*d.thanks != "named" && *d.thanks != "anonymous") {
      throw validation_failed("Thanks must be named or anonymous");
    }
    if (*d.thanks == "named" && d.thanks_name.find_first_not_of(' ') == std::string::npos) {
      throw validation_failed("Thanks name can't be blank when thanks are named");
    }
    if (utf8_length(d.thanks_name) > ThanksService::kMaxName ||
        utf8_length(d.thanks_message) > ThanksService::kMaxMessage) {
      throw validation_failed("Thanks name or message is too long");
    }
    request.metadata.emplace_back("thanks", *d.thanks);
    if (*d.thanks == "named") request.metadata.emplace_back("thanks_name", d.thanks_name);
    if (!d.thanks_message.empty()) {
      request.metadata.emplace_back("thanks_message", d.thanks_message);
    }
  }
  co_return co_await open_checkout(std::move(request));
}

awaitable<std::string> CheckoutService::seat_checkout(domain::UserWithAccount user,
                                                      std::int64_t plan_id, int months) {
  if (months < 1 || months > 120) throw validation_failed("Months must be 1 to 120");
  auto found = co_await active_plan(plan_id);
  const domain::MembershipPlan* plan = &found;
  if (plan->price_minor == 0)
    throw validation_failed("This plan is free: there is nothing to fund");
  std::int64_t periods = months;
  if (plan->billing_interval == "year") {
    if (months % 12 != 0) throw validation_failed("Months must be whole years for a yearly plan");
    periods = months / 12;
  }
  // Stripe takes at most 8 digits of minor units per line.
  constexpr std::int64_t kMaxCheckoutMinor = 99'999'999;
  if (plan->price_minor > kMaxCheckoutMinor / periods) {
    throw validation_failed("That is more than one payment can carry: fund fewer months");
  }
  payments::CheckoutRequest request;
  request.amount_minor = plan->price_minor * periods;
  request.currency = plan->currency;
  request.product_name = std::to_string(months) + " month(s) of " + plan->name +
                         " for someone at " + config_.instance.title;
  request.success_url = config_.base_url() + "/about/funding?seat=thanks";
  request.cancel_url = config_.base_url() + "/about/funding";
  request.metadata = {{"kind", "donation"},
                      {"account_id", std::to_string(user.account.id)},
                      {"seat_plan_id", std::to_string(plan->id)},
                      {"seat_months", std::to_string(months)}};
  co_return co_await open_checkout(std::move(request));
}

awaitable<domain::Membership> CheckoutService::cancel_membership(domain::UserWithAccount user) {
  const std::string provider = provider_name_;
  auto running = co_await db_.read(
      [&](db::Tx& tx) { return db::MembershipRepository::running(tx, user.account.id, provider); });
  if (!running) throw Error(ErrorCode::kNotFound, "You have no membership to cancel here");
  std::optional<std::string> failure;
  auto kind = payments::ProviderError::Kind::kUnavailable;
  try {
    co_await provider_.cancel_at_period_end(running->subscription_ref);
  } catch (const payments::ProviderError& e) {
    failure = e.what();
    kind = e.kind();
  }
  if (failure) throw provider_error(*failure, kind);
  running->cancel_at_period_end = true;  // as the provider's event will record it
  co_return *running;
}

awaitable<void> CheckoutService::refund(domain::UserWithAccount admin, std::int64_t ledger_entry_id,
                                        std::optional<std::string> amount) {
  LedgerService::require_administrator(admin);
  std::int64_t reversals = 0;
  auto entry = co_await db_.read([&](db::Tx& tx) {
    reversals = db::LedgerRepository::reversal_count(tx, ledger_entry_id);
    return db::LedgerRepository::find(tx, ledger_entry_id);
  });
  if (!entry) throw Error(ErrorCode::kNotFound, "Record not found");
  if (entry->provider != provider_name_ || !entry->provider_ref || entry->direction != "in" ||
      entry->reverses_entry_id) {
    throw validation_failed("Only payments received through " + provider_name_ +
                            " can be refunded through it; record other refunds in the ledger");
  }
  std::optional<std::int64_t> minor;
  if (amount && !amount->empty()) {
    minor = domain::parse_amount(*amount, entry->currency);
    if (!minor || *minor == 0)
      throw validation_failed("Amount must be a positive amount of " + entry->currency);
  }
  const std::int64_t remaining = entry->amount_minor - entry->reversed_minor;
  if (minor.value_or(remaining) > remaining || remaining <= 0) {
    throw validation_failed("Amount is more than what remains of the payment");
  }
  std::optional<std::string> failure;
  auto kind = payments::ProviderError::Kind::kUnavailable;
  try {
    // The same request (entry, how many reversals it has so far, amount) never refunds twice;
    // the count only grows, unlike what remains (a won dispute gives some back).
    co_await provider_.refund(*entry->provider_ref, minor,
                              "loxodon-refund-" + std::to_string(entry->id) + "-" +
                                  std::to_string(reversals) + "-" +
                                  std::to_string(minor.value_or(remaining)));
  } catch (const payments::ProviderError& e) {
    failure = e.what();
    kind = e.kind();
  }
  if (failure) throw provider_error(*failure, kind);
}

awaitable<ReconcileReport> CheckoutService::reconcile(
    std::chrono::system_clock::time_point since,
    std::function<void(const ReconcileReport&)> progress) {
  std::optional<std::string> failure;
  std::vector<nlohmann::json> listed;
  try {
    listed = co_await provider_.events_since(since);
  } catch (const payments::ProviderError& e) {
    failure = e.what();
  }
  if (failure) throw provider_error(*failure, payments::ProviderError::Kind::kUnavailable);
  ReconcileReport report;
  for (const auto& raw : listed) {
    ++report.seen;
    auto event = payments::read_stripe_event(raw);
    if (!event) {
      ++report.refused;
      continue;
    }
    bool refused = false;
    PaymentWebhookService::Outcome outcome = PaymentWebhookService::Outcome::kDuplicate;
    try {
      outcome = co_await events_.apply(std::move(*event), sha256_hex(raw.dump()));
    } catch (const Error&) {
      refused = true;  // an unknown plan or account, or a payment not seen: as a webhook would be
    }
    if (refused) {
      ++report.refused;
    } else if (outcome == PaymentWebhookService::Outcome::kRecorded) {
      ++report.recorded;
    } else {
      ++report.duplicates;
    }
    progress(report);
  }
  co_return report;
}

}  // namespace lox::services
