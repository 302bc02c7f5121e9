#include <loxodon/db/database.hpp>
#include <loxodon/db/ledger_repository.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/payments/stripe_signature.hpp>
#include <loxodon/services/ledger_service.hpp>
#include <loxodon/services/payment_webhook_service.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using nlohmann::json;

namespace {

constexpr const char* kRecordedBy = "provider:stripe";

Error bad_request(const std::string& why) { return Error(ErrorCode::kBadRequest, why); }

// Money in from a payment event, keyed by its payment so a second event about the same money
// (a checkout and its invoice) adds nothing.
void record_income(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e,
                   const std::string& source) {
  if (e.amount_minor <= 0) return;  // a free trial's invoice moves no money
  if (!domain::currency_exponent(e.currency) || e.amount_minor > domain::kMaxEntryMinor) {
    throw bad_request("the event's amount or currency is not one the ledger can hold");
  }
  domain::LedgerEntry entry;
  entry.id = ids.next();
  entry.direction = "in";
  entry.source = source;
  entry.amount_minor = e.amount_minor;
  entry.currency = e.currency;
  entry.occurred_at = e.occurred_at;
  entry.provider = e.provider;
  entry.provider_ref = e.payment_ref;
  entry.description = e.provider_type + " " + e.object_ref;
  entry.recorded_by = kRecordedBy;
  db::LedgerRepository::insert(tx, entry);  // a repeat of the payment inserts nothing
}

}  // namespace

PaymentWebhookService::PaymentWebhookService(const config::Config& config, db::Database& db,
                                             SnowflakeGenerator& ids, Clock clock)
    : config_(config), db_(db), ids_(ids), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

awaitable<PaymentWebhookService::Outcome> PaymentWebhookService::receive_stripe(
    std::string signature_header, std::string raw_body) {
  auto verdict = payments::verify_stripe_signature(signature_header, raw_body,
                                                   config_.funding.stripe_webhook_secrets, clock_(),
                                                   config_.funding.webhook_tolerance);
  if (verdict != payments::SignatureVerdict::kValid) {
    spdlog::warn("Stripe webhook refused: {}", payments::to_string(verdict));
    throw bad_request(std::string("Stripe-Signature: ") + payments::to_string(verdict));
  }
  auto parsed = json::parse(raw_body, nullptr, false);
  auto event = payments::read_stripe_event(parsed);
  if (!event) throw bad_request("the body is not a Stripe event");
  const bool recorded = co_await db_.tx([&](db::Tx& tx) {
    db::LedgerRepository::EventRow row{event->provider, event->event_id,    event->provider_type,
                                       event->type,     event->occurred_at, sha256_hex(raw_body)};
    if (!db::LedgerRepository::record_event(tx, row)) return false;
    const auto& type = event->type;
    if (type == "donation.received") record_income(tx, ids_, *event, "donation");
    if (type == "subscription.renewed") record_income(tx, ids_, *event, "membership");
    if (type == "payment.refunded" || type == "dispute.opened") {
      auto original =
          db::LedgerRepository::find_by_provider_ref(tx, event->provider, event->payment_ref);
      if (!original) {
        throw Error(ErrorCode::kServiceUnavailable,
                    "the payment this event is about has not arrived yet; deliver it again");
      }
      LedgerService::ReversalRow reversal;
      reversal.id = ids_.next();
      reversal.recorded_by = kRecordedBy;
      reversal.description = event->provider_type + " " + event->object_ref;
      if (type == "payment.refunded") {
        // Stripe reports what was refunded so far: only the part not yet reversed is new.
        reversal.kind = "refund";
        reversal.amount_minor = event->amount_minor - original->reversed_minor;
        reversal.provider_ref =
            "refund:" + event->payment_ref + ":" + std::to_string(event->amount_minor);
      } else {
        reversal.kind = "dispute";
        reversal.amount_minor =
            std::min(event->amount_minor, original->amount_minor - original->reversed_minor);
        reversal.provider_ref = "dispute:" + event->object_ref;
      }
      if (reversal.amount_minor > 0) LedgerService::write_reversal(tx, original->id, reversal);
    }
    return true;
  });
  co_return recorded ? Outcome::kRecorded : Outcome::kDuplicate;
}

}  // namespace lox::services
