#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/ledger_repository.hpp>
#include <loxodon/db/membership_repository.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/membership_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/calendar.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lox::services {

namespace {

// What a plan grants, as stored in its entitlements JSON; a limit out of its range is a 422.
nlohmann::json plan_entitlements(const config::Config& config, const NewPlan& r) {
  nlohmann::json entitlements = nlohmann::json::object();
  if (r.max_characters) {
    if (*r.max_characters < 1 || *r.max_characters > 100000) {
      throw validation_failed("Max characters must be 1 to 100000");
    }
    entitlements["max_characters"] = *r.max_characters;
  }
  auto limit = [&](const char* key, const std::optional<long long>& value, long long low,
                   long long high, const char* label) {
    if (!value) return;
    if (*value < low || *value > high) {
      throw validation_failed(std::string(label) + " must be " + std::to_string(low) + " to " +
                              std::to_string(high));
    }
    entitlements[key] = *value;
  };
  limit("max_media_attachments", r.max_media_attachments, 1, 20, "Max media attachments");
  limit("max_poll_options", r.max_poll_options, 2, 20, "Max poll options");
  limit("max_profile_fields", r.max_profile_fields, 1, 16, "Max profile fields");
  limit("max_scheduled_posts", r.max_scheduled_posts, 300, 3000, "Max scheduled posts");
  limit("edit_window_minutes", r.edit_window_minutes, 1, 525600, "Edit window minutes");
  limit("max_upload_megabytes", r.max_upload_megabytes, 1,
        static_cast<long long>(config.instance.max_upload_megabytes), "Max upload megabytes");
  limit("custom_emoji_slots", r.custom_emoji_slots, 1, 100, "Custom emoji slots");
  if (r.ad_free) entitlements["ad_free"] = true;
  if (r.privacy_tools) entitlements["privacy_tools"] = true;
  if (r.early_access) entitlements["early_access"] = true;
  if (r.customization) entitlements["customization"] = true;
  if (r.badge && !r.badge->empty()) {
    if (utf8_length(*r.badge) > 30)
      throw validation_failed("Badge is too long (at most 30 characters)");
    entitlements["badge"] = to_valid_utf8(*r.badge);
  }
  return entitlements;
}

}  // namespace

MembershipService::MembershipService(const config::Config& config, db::Database& db,
                                     SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

awaitable<domain::MembershipPlan> MembershipService::create_plan(domain::UserWithAccount admin,
                                                                 NewPlan r) {
  LedgerService::require_administrator(admin);
  domain::MembershipPlan p;
  p.id = ids_.next();
  if (r.name.empty() || utf8_length(r.name) > 100) {
    throw validation_failed("Name can't be blank or longer than 100 characters");
  }
  p.name = to_valid_utf8(r.name);
  if (utf8_length(r.description) > 1000) throw validation_failed("Description is too long");
  p.description = to_valid_utf8(r.description);
  if (!domain::currency_exponent(r.currency)) {
    throw validation_failed("Currency is not an ISO 4217 currency code");
  }
  p.currency = r.currency;
  auto price = domain::parse_amount(r.price, r.currency);
  if (!price)
    throw validation_failed("Price must be an amount of " + r.currency + " (0 for a free plan)");
  p.price_minor = *price;
  if (r.billing_interval != "month" && r.billing_interval != "year") {
    throw validation_failed("Billing interval must be month or year");
  }
  p.billing_interval = r.billing_interval;
  if (r.trial_days < 0 || r.trial_days > 365)
    throw validation_failed("Trial days must be 0 to 365");
  p.trial_days = r.trial_days;
  p.provider_price_ref = r.provider_price_ref;
  p.entitlements_json = plan_entitlements(config_, r).dump();
  bool created =
      co_await db_.tx([&](db::Tx& tx) { return db::MembershipRepository::insert_plan(tx, p); });
  if (!created) throw validation_failed("Name or provider price is already used by another plan");
  co_return p;
}

awaitable<std::vector<domain::MembershipPlan>> MembershipService::plans(
    domain::UserWithAccount admin) {
  LedgerService::require_administrator(admin);
  co_return co_await db_.read([](db::Tx& tx) { return db::MembershipRepository::plans(tx); });
}

awaitable<MemberPerks> MembershipService::mine(std::int64_t account_id) {
  co_return co_await db_.read([&](db::Tx& tx) {
    return MemberPerks{db::MembershipRepository::of_account(tx, account_id),
                       current_entitlements(tx, account_id, config_.funding.grace_days)};
  });
}

awaitable<domain::Membership> MembershipService::comp(
    domain::UserWithAccount admin, std::int64_t account_id, std::int64_t plan_id,
    std::optional<std::chrono::system_clock::time_point> until) {
  LedgerService::require_administrator(admin);
  auto now = std::chrono::system_clock::now();
  if (until && *until <= now) throw validation_failed("Ends at must be in the future");
  std::int64_t id = ids_.next();
  co_return co_await db_.tx([&](db::Tx& tx) {
    auto account = db::AccountRepository::find(tx, account_id);
    if (!account || account->domain) throw validation_failed("Account must be a local account");
    if (!db::MembershipRepository::plan_exists(tx, plan_id))
      throw validation_failed("Plan does not exist");
    domain::MembershipState state;
    state.account_id = account_id;
    state.plan_id = plan_id;
    state.provider = "manual";
    state.subscription_ref = "comp:" + std::to_string(id);
    state.status = "comped";
    state.current_period_end = until;
    state.event_at = now;
    db::MembershipRepository::upsert(tx, id, state);
    db::MembershipRepository::refresh_badge(tx, account_id, config_.funding.grace_days);
    return *db::MembershipRepository::find(tx, id);
  });
}

awaitable<domain::Membership> MembershipService::end_comp(domain::UserWithAccount admin,
                                                          std::int64_t id) {
  LedgerService::require_administrator(admin);
  auto ended = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::Membership> {
    if (!db::MembershipRepository::end_comp(tx, id)) return std::nullopt;
    auto membership = db::MembershipRepository::find(tx, id);
    db::MembershipRepository::refresh_badge(tx, membership->account_id, config_.funding.grace_days);
    return membership;
  });
  if (!ended) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return *ended;
}

awaitable<std::vector<domain::Membership>> MembershipService::memberships(
    domain::UserWithAccount admin) {
  LedgerService::require_administrator(admin);
  co_return co_await db_.read([](db::Tx& tx) { return db::MembershipRepository::memberships(tx); });
}

awaitable<domain::FundedSeat> MembershipService::record_seat(
    domain::UserWithAccount admin, std::int64_t plan_id, int months,
    std::optional<std::int64_t> ledger_entry_id) {
  LedgerService::require_administrator(admin);
  if (months < 1 || months > 120) throw validation_failed("Months must be 1 to 120");
  std::int64_t id = ids_.next();
  co_return co_await db_.tx([&](db::Tx& tx) {
    if (!db::MembershipRepository::plan_exists(tx, plan_id))
      throw validation_failed("Plan does not exist");
    if (ledger_entry_id) {
      auto entry = db::LedgerRepository::find(tx, *ledger_entry_id);
      if (!entry || entry->source != "donation") {
        throw validation_failed("Ledger entry must be the donation that funded the seat");
      }
    }
    db::MembershipRepository::insert_seat(tx, id, plan_id, months, ledger_entry_id,
                                          "@" + admin.account.username);
    auto seat = db::MembershipRepository::find_seat(tx, id);
    if (!seat) throw validation_failed("That donation funds a seat already");
    return *seat;
  });
}

awaitable<std::vector<domain::FundedSeat>> MembershipService::seats(domain::UserWithAccount admin) {
  LedgerService::require_administrator(admin);
  co_return co_await db_.read([](db::Tx& tx) { return db::MembershipRepository::seats(tx); });
}

awaitable<domain::Membership> MembershipService::assign_seat(domain::UserWithAccount admin,
                                                             std::int64_t seat_id,
                                                             std::int64_t account_id) {
  LedgerService::require_administrator(admin);
  const std::int64_t membership_id = ids_.next();
  const auto now = std::chrono::system_clock::now();
  co_return co_await db_.tx([&](db::Tx& tx) {
    if (!db::MembershipRepository::find_seat(tx, seat_id)) {
      throw Error(ErrorCode::kNotFound, "Record not found");
    }
    auto account = db::AccountRepository::find(tx, account_id);
    if (!account || account->domain) throw validation_failed("Account must be a local account");
    auto taken = db::MembershipRepository::assign_seat(tx, seat_id, account_id, membership_id,
                                                       "@" + admin.account.username);
    if (!taken) throw validation_failed("This seat was given already");
    domain::MembershipState state;
    state.account_id = account_id;
    state.plan_id = taken->plan_id;
    state.provider = "manual";
    state.subscription_ref = "seat:" + std::to_string(seat_id);
    state.status = "comped";
    state.current_period_end = add_calendar_months(now, taken->months);
    state.event_at = now;
    db::MembershipRepository::upsert(tx, membership_id, state);
    db::MembershipRepository::refresh_badge(tx, account_id, config_.funding.grace_days);
    return *db::MembershipRepository::find(tx, membership_id);
  });
}

}  // namespace lox::services
