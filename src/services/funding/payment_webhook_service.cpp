#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/ledger_repository.hpp>
#include <loxodon/db/membership_repository.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/payments/stripe_signature.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/payment_webhook_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/json_limits.hpp>

#include <spdlog/spdlog.h>

#include <charconv>

namespace lox::services {

using nlohmann::json;

namespace {

constexpr const char* kRecordedBy = "provider:stripe";

Error bad_request(const std::string& why) { return Error(ErrorCode::kBadRequest, why); }

// Money in from a payment event, keyed by its payment so a second event about the same money
// (a checkout and its invoice) adds nothing.
// Returns the entry's id, or nothing when there was no money or it was recorded before.
std::optional<std::int64_t> record_income(db::Tx& tx, SnowflakeGenerator& ids,
                                          const payments::PaymentEvent& e,
                                          const std::string& source) {
  if (e.amount_minor <= 0) return std::nullopt;  // a free trial's invoice moves no money
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
  if (!e.subscription_ref.empty()) {
    entry.recurrence = e.interval == "year" ? "yearly" : "monthly";
  }
  // A repeat of the payment inserts nothing.
  if (!db::LedgerRepository::insert(tx, entry)) return std::nullopt;
  return entry.id;
}

// A donation that funds a seat (months of a plan for someone else): the seat waits for the
// administrators to give it. Metadata that names no plan records the donation alone: a
// payment is never refused for it.
void record_seat(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e,
                 std::int64_t entry_id) {
  if (e.seat_plan_id.empty()) return;
  std::int64_t plan = 0;
  int months = 0;
  auto [p_end, p_ec] =
      std::from_chars(e.seat_plan_id.data(), e.seat_plan_id.data() + e.seat_plan_id.size(), plan);
  auto [m_end, m_ec] =
      std::from_chars(e.seat_months.data(), e.seat_months.data() + e.seat_months.size(), months);
  const bool whole = p_end == e.seat_plan_id.data() + e.seat_plan_id.size() &&
                     m_end == e.seat_months.data() + e.seat_months.size();
  if (!whole || p_ec != std::errc() || m_ec != std::errc() || months < 1 || months > 120 ||
      !db::MembershipRepository::plan_exists(tx, plan)) {
    spdlog::warn("Stripe donation {} names no usable seat; recorded as a donation", e.object_ref);
    return;
  }
  db::MembershipRepository::insert_seat(
      tx, ids.next(), plan, months, entry_id,
      e.account_id.empty() ? std::string(kRecordedBy) : "account:" + e.account_id);
}

// A donation's thanks, as the donor asked in the checkout's metadata; once per subscription.
void record_thanks(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e,
                   std::int64_t entry_id) {
  domain::ThanksRequest thanks;
  thanks.wanted = e.thanks == "named" || e.thanks == "anonymous";
  if (e.thanks == "named" && !e.thanks_name.empty()) thanks.name = e.thanks_name;
  thanks.message = e.thanks_message;
  std::optional<std::string> donor_ref;
  if (!e.subscription_ref.empty()) donor_ref = "subscription:" + e.subscription_ref;
  ThanksService::write(tx, ids, entry_id, donor_ref, thanks);
}

// Stripe's subscription statuses in the membership's terms.
std::string membership_status(const payments::PaymentEvent& e) {
  if (e.type == "subscription.ended") return "ended";
  const std::string& s = e.status;
  if (s == "trialing" || s == "active" || s == "past_due") return s;
  if (s == "unpaid" || s == "incomplete") return "past_due";
  if (s == "incomplete_expired") return "ended";
  return "canceled";  // canceled, paused, anything new
}

// A subscription event: the membership's state as of the event (older events change nothing).
void apply_subscription(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e) {
  auto plan = e.price_ref.empty() ? std::nullopt
                                  : db::MembershipRepository::plan_by_price_ref(tx, e.price_ref);
  if (!plan) {
    throw Error(ErrorCode::kUnprocessable,
                "no membership plan has the price " +
                    (e.price_ref.empty() ? std::string("(none)") : e.price_ref));
  }
  std::int64_t account = 0;
  auto [end, ec] =
      std::from_chars(e.account_id.data(), e.account_id.data() + e.account_id.size(), account);
  if (e.account_id.empty() || ec != std::errc() ||
      end != e.account_id.data() + e.account_id.size() ||
      !db::AccountRepository::find(tx, account)) {
    throw Error(ErrorCode::kUnprocessable,
                "the subscription's metadata.account_id names no account here");
  }
  domain::MembershipState state;
  state.account_id = account;
  state.plan_id = *plan;
  state.provider = e.provider;
  state.subscription_ref = e.subscription_ref;
  state.status = membership_status(e);
  state.current_period_end = e.period_end;
  state.cancel_at_period_end = e.cancel_at_period_end;
  state.event_at = e.occurred_at;
  db::MembershipRepository::upsert(tx, ids.next(), state);
}

Error not_yet(const std::string& what) {
  return Error(ErrorCode::kServiceUnavailable,
               "the " + what + " this event is about has not arrived yet; deliver it again");
}

// A donation's payment: the money in, and the thanks and seat it asked for.
void record_donation(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e) {
  auto entry = record_income(tx, ids, e, "donation");
  if (entry) record_thanks(tx, ids, e, *entry);
  if (entry) record_seat(tx, ids, e, *entry);
}

// A membership's payment: the money in, and the membership's new period.
void record_renewal(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e) {
  record_income(tx, ids, e, "membership");
  if (!e.subscription_ref.empty()) {
    if (!db::MembershipRepository::exists(tx, e.provider, e.subscription_ref)) {
      throw not_yet("subscription");
    }
    if (e.period_end) {
      db::MembershipRepository::renew(tx, e.provider, e.subscription_ref, *e.period_end,
                                      e.occurred_at);
    }
  }
}

// A refund or an opened dispute: money out against the original payment.
void record_reversal(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e) {
  auto original = db::LedgerRepository::find_by_provider_ref(tx, e.provider, e.payment_ref);
  if (!original) {
    throw not_yet("payment");
  }
  LedgerService::ReversalRow reversal;
  reversal.id = ids.next();
  reversal.recorded_by = kRecordedBy;
  reversal.description = e.provider_type + " " + e.object_ref;
  if (e.type == "payment.refunded") {
    // Stripe reports what was refunded so far: only the part not yet reversed is new.
    reversal.kind = "refund";
    reversal.amount_minor = e.amount_minor - original->reversed_minor;
    reversal.provider_ref = "refund:" + e.payment_ref + ":" + std::to_string(e.amount_minor);
  } else {
    reversal.kind = "dispute";
    reversal.amount_minor =
        std::min(e.amount_minor, original->amount_minor - original->reversed_minor);
    reversal.provider_ref = "dispute:" + e.object_ref;
  }
  if (reversal.amount_minor > 0) LedgerService::write_reversal(tx, original->id, reversal);
}

// A dispute won: what it took out comes back.
void record_dispute_won(db::Tx& tx, SnowflakeGenerator& ids, const payments::PaymentEvent& e) {
  auto dispute = db::LedgerRepository::find_reversal_by_provider_ref(tx, e.provider,
                                                                     "dispute:" + e.object_ref);
  if (!dispute) throw not_yet("dispute");
  LedgerService::ReversalRow correction;
  correction.id = ids.next();
  correction.kind = "correction";  // all that remains of the dispute
  correction.recorded_by = kRecordedBy;
  correction.description = e.provider_type + " " + e.object_ref + " won";
  correction.provider_ref = "dispute_won:" + e.object_ref;
  if (dispute->amount_minor > dispute->reversed_minor) {
    LedgerService::write_reversal(tx, dispute->id, correction);
  }
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
  // Signed, but still bounded: a leaked webhook secret must not be a way to crash the server.
  auto parsed = parse_json_or_discarded(raw_body, kMaxJsonDepth, raw_body.size());
  auto event = payments::read_stripe_event(parsed);
  if (!event) throw bad_request("the body is not a Stripe event");
  co_return co_await apply(std::move(*event), sha256_hex(raw_body));
}

awaitable<PaymentWebhookService::Outcome> PaymentWebhookService::apply(
    payments::PaymentEvent received, std::string raw_sha256) {
  const payments::PaymentEvent* event = &received;
  const bool recorded = co_await db_.tx([&](db::Tx& tx) {
    db::LedgerRepository::EventRow row{event->provider, event->event_id,    event->provider_type,
                                       event->type,     event->occurred_at, raw_sha256};
    if (!db::LedgerRepository::record_event(tx, row)) return false;
    const auto& type = event->type;
    if (type == "donation.received" || (type == "subscription.renewed" && event->donation)) {
      // A one-time donation, or a recurring one's payment: no membership involved.
      record_donation(tx, ids_, *event);
    } else if (type == "subscription.renewed") {
      record_renewal(tx, ids_, *event);
    }
    if ((type == "subscription.created" || type == "subscription.updated" ||
         type == "subscription.ended") &&
        !event->donation) {
      apply_subscription(tx, ids_, *event);
    }
    if (type == "subscription.payment_failed" && !event->subscription_ref.empty() &&
        !event->donation) {
      if (!db::MembershipRepository::exists(tx, event->provider, event->subscription_ref)) {
        throw not_yet("subscription");
      }
      db::MembershipRepository::past_due(tx, event->provider, event->subscription_ref,
                                         event->occurred_at);
    }
    if (type == "payment.refunded" || type == "dispute.opened") record_reversal(tx, ids_, *event);
    if (type == "dispute.won") record_dispute_won(tx, ids_, *event);
    if (!event->subscription_ref.empty()) {
      db::MembershipRepository::refresh_badge(tx, event->provider, event->subscription_ref,
                                              config_.funding.grace_days);
    }
    return true;
  });
  co_return recorded ? Outcome::kRecorded : Outcome::kDuplicate;
}

}  // namespace lox::services
