#include <loxodon/db/database.hpp>
#include <loxodon/db/membership_repository.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/services/ledger_service.hpp>
#include <loxodon/services/membership_service.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <nlohmann/json.hpp>

namespace lox::services {

namespace {

Error invalid(const std::string& message) {
  return Error(ErrorCode::kUnprocessable, "Validation failed: " + message);
}

}  // namespace

MembershipService::MembershipService(const config::Config& config, db::Database& db,
                                     SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

awaitable<domain::MembershipPlan> MembershipService::create_plan(domain::UserWithAccount admin,
                                                                 NewPlan r) {
  if (!LedgerService::may_manage(admin.user)) {
    throw Error(ErrorCode::kForbidden, "This action is not allowed");
  }
  domain::MembershipPlan p;
  p.id = ids_.next();
  if (r.name.empty() || utf8_length(r.name) > 100) {
    throw invalid("Name can't be blank or longer than 100 characters");
  }
  p.name = to_valid_utf8(r.name);
  if (utf8_length(r.description) > 1000) throw invalid("Description is too long");
  p.description = to_valid_utf8(r.description);
  if (!domain::currency_exponent(r.currency)) {
    throw invalid("Currency is not an ISO 4217 currency code");
  }
  p.currency = r.currency;
  auto price = domain::parse_amount(r.price, r.currency);
  if (!price) throw invalid("Price must be an amount of " + r.currency + " (0 for a free plan)");
  p.price_minor = *price;
  if (r.billing_interval != "month" && r.billing_interval != "year") {
    throw invalid("Billing interval must be month or year");
  }
  p.billing_interval = r.billing_interval;
  if (r.trial_days < 0 || r.trial_days > 365) throw invalid("Trial days must be 0 to 365");
  p.trial_days = r.trial_days;
  p.provider_price_ref = r.provider_price_ref;
  nlohmann::json entitlements = nlohmann::json::object();
  if (r.max_characters) {
    if (*r.max_characters < 1 || *r.max_characters > 100000) {
      throw invalid("Max characters must be 1 to 100000");
    }
    entitlements["max_characters"] = *r.max_characters;
  }
  p.entitlements_json = entitlements.dump();
  bool created =
      co_await db_.tx([&](db::Tx& tx) { return db::MembershipRepository::insert_plan(tx, p); });
  if (!created) throw invalid("Name or provider price is already used by another plan");
  co_return p;
}

awaitable<std::vector<domain::MembershipPlan>> MembershipService::plans(
    domain::UserWithAccount admin) {
  if (!LedgerService::may_manage(admin.user)) {
    throw Error(ErrorCode::kForbidden, "This action is not allowed");
  }
  co_return co_await db_.read([](db::Tx& tx) { return db::MembershipRepository::plans(tx); });
}

}  // namespace lox::services
