#include <loxodon/db/database.hpp>
#include <loxodon/db/funding_repository.hpp>
#include <loxodon/db/membership_repository.hpp>
#include <loxodon/domain/funding_summary.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/services/funding/funding_service.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

namespace lox::services {

namespace {

std::string checked_currency(const std::string& code) {
  if (!domain::currency_exponent(code)) {
    throw validation_failed("Currency is not an ISO 4217 currency code");
  }
  return code;
}

std::int64_t checked_amount(const std::string& text, const std::string& currency,
                            const std::string& field) {
  auto minor = domain::parse_amount(text, currency);
  if (!minor) {
    throw validation_failed(field + " must be an amount of " + currency +
                            " from 0 to 10^15 minor units");
  }
  return *minor;
}

}  // namespace

FundingService::FundingService(const config::Config& config, db::Database& db,
                               SnowflakeGenerator& ids, ThanksService& thanks)
    : config_(config), db_(db), ids_(ids), thanks_(thanks) {}

awaitable<PublishedFunding> FundingService::published() {
  PublishedFunding out;
  out.summary = co_await summary();
  out.thanks = co_await thanks_.wall();
  co_return out;
}

awaitable<domain::FundingSummary> FundingService::summary() {
  constexpr auto kMaxAge = std::chrono::seconds(60);
  int grace_days = config_.funding.grace_days;
  std::optional<domain::FundingSummary> reused;
  std::string known_version;
  {
    std::lock_guard lock(mutex_);
    if (cached_ && std::chrono::steady_clock::now() - cached_at_ < kMaxAge) {
      reused = cached_;
      known_version = cached_version_;
    }
  }
  std::string version;
  auto fresh = co_await db_.read([&](db::Tx& tx) -> std::optional<domain::FundingSummary> {
    version = db::FundingRepository::version(tx);
    if (reused && version == known_version) return std::nullopt;
    auto summary = domain::summarize_funding(
        db::FundingRepository::settings(tx), db::FundingRepository::stretch_goals(tx),
        db::FundingRepository::ledger_totals(tx), db::FundingRepository::supporters(tx, grace_days),
        std::chrono::system_clock::now());
    const auto seats = db::MembershipRepository::seat_counts(tx);
    summary.seats_funded = seats.funded;
    summary.seats_given = seats.given;
    return summary;
  });
  if (!fresh) co_return *reused;
  {
    std::lock_guard lock(mutex_);
    cached_ = fresh;
    cached_version_ = version;
    cached_at_ = std::chrono::steady_clock::now();
  }
  co_return *fresh;
}

awaitable<std::optional<domain::FundingSettings>> FundingService::settings(
    domain::UserWithAccount admin) {
  LedgerService::require_administrator(admin);
  co_return co_await db_.read([](db::Tx& tx) { return db::FundingRepository::settings(tx); });
}

awaitable<domain::FundingSettings> FundingService::update_settings(domain::UserWithAccount admin,
                                                                   FundingSettingsInput input) {
  LedgerService::require_administrator(admin);
  domain::FundingSettings s;
  s.currency = checked_currency(input.currency);
  s.monthly_goal_minor = checked_amount(input.monthly_goal, s.currency, "Monthly goal");
  s.reserve_target_minor = checked_amount(input.reserve_target, s.currency, "Reserve target");
  s.description = bounded_text(input.description, 2000, "Description");
  s.updated_by = "@" + admin.account.username;
  co_return co_await db_.tx([&](db::Tx& tx) {
    db::FundingRepository::put_settings(tx, s);
    return *db::FundingRepository::settings(tx);
  });
}

awaitable<std::vector<domain::StretchGoal>> FundingService::stretch_goals(
    domain::UserWithAccount admin) {
  LedgerService::require_administrator(admin);
  co_return co_await db_.read([](db::Tx& tx) { return db::FundingRepository::stretch_goals(tx); });
}

awaitable<domain::StretchGoal> FundingService::add_stretch_goal(domain::UserWithAccount admin,
                                                                NewStretchGoal input) {
  LedgerService::require_administrator(admin);
  domain::StretchGoal g;
  g.id = ids_.next();
  if (input.title.empty()) throw validation_failed("Title can't be blank");
  g.title = bounded_text(input.title, 100, "Title");
  g.description = bounded_text(input.description, 1000, "Description");
  co_await db_.tx([&](db::Tx& tx) {
    if (input.currency) {
      g.currency = checked_currency(*input.currency);
    } else {
      auto settings = db::FundingRepository::settings(tx);
      if (!settings)
        throw validation_failed("Currency is required until the funding settings name one");
      g.currency = settings->currency;
    }
    g.amount_minor = checked_amount(input.amount, g.currency, "Amount");
    if (g.amount_minor == 0) throw validation_failed("Amount must be more than 0");
    if (db::FundingRepository::stretch_goal_count(tx) >= kMaxStretchGoals) {
      throw validation_failed("At most " + std::to_string(kMaxStretchGoals) + " stretch goals");
    }
    db::FundingRepository::insert_stretch_goal(tx, g);
  });
  co_return g;
}

awaitable<void> FundingService::remove_stretch_goal(domain::UserWithAccount admin,
                                                    std::int64_t id) {
  LedgerService::require_administrator(admin);
  bool removed = co_await db_.tx(
      [id](db::Tx& tx) { return db::FundingRepository::delete_stretch_goal(tx, id); });
  if (!removed) throw Error(ErrorCode::kNotFound, "Record not found");
}

}  // namespace lox::services
