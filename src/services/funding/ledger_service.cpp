#include <loxodon/db/database.hpp>
#include <loxodon/db/ledger_repository.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/funding/thanks_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/time_format.hpp>

#include <algorithm>
#include <array>

namespace lox::services {

namespace {

constexpr std::int64_t kAdministrator = 1;

template <std::size_t N>
bool one_of(const std::string& value, const std::array<const char*, N>& allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

// The amount of an entry or reversal, from "12.34" or from minor units.
std::int64_t amount_of(const std::optional<std::string>& amount,
                       const std::optional<std::int64_t>& minor, const std::string& currency) {
  auto exponent = domain::currency_exponent(currency);
  if (!exponent) throw validation_failed("Currency is not an ISO 4217 currency code");
  std::optional<std::int64_t> value;
  if (amount) {
    value = domain::parse_amount(*amount, currency);
  } else if (minor && *minor > 0 && *minor <= domain::kMaxEntryMinor) {
    value = *minor;
  } else if (!minor) {
    throw validation_failed("Amount can't be blank");
  }
  if (!value || *value <= 0) {
    throw validation_failed("Amount must be a positive amount of " + currency + " with at most " +
                            std::to_string(*exponent) + " decimal(s), at most " +
                            domain::format_amount(domain::kMaxEntryMinor, currency));
  }
  return *value;
}

// One CSV cell: quoted when it must be, and never a formula (CSV injection) when opened.
std::string cell(std::string value) {
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    value.insert(0, "'");
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

LedgerService::LedgerService(const config::Config& config, db::Database& db,
                             SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

bool LedgerService::may_manage(const domain::User& user) {
  return (user.role.permissions & kAdministrator) != 0;
}

void LedgerService::require_administrator(const domain::UserWithAccount& user) {
  if (!may_manage(user.user)) throw Error(ErrorCode::kForbidden, "This action is not allowed");
}

awaitable<domain::LedgerEntry> LedgerService::record(domain::UserWithAccount admin,
                                                     NewLedgerEntry r) {
  require_administrator(admin);
  if (r.direction != "in" && r.direction != "out") {
    throw validation_failed("Direction must be in or out");
  }
  static constexpr std::array<const char*, 4> kIncome = {"donation", "membership", "sponsorship",
                                                         "manual"};
  if (r.direction == "in" && !one_of(r.source, kIncome)) {
    throw validation_failed(
        "Source must be donation, membership, sponsorship or manual for money in");
  }
  if (r.direction == "out" && r.source.empty()) r.source = "cost";
  if (r.direction == "out" && r.source != "cost")
    throw validation_failed("Source must be cost for money out");
  if (r.recurrence.empty()) r.recurrence = "one_time";
  static constexpr std::array<const char*, 3> kRecurrences = {"one_time", "monthly", "yearly"};
  if (!one_of(r.recurrence, kRecurrences)) {
    throw validation_failed("Recurrence must be one_time, monthly or yearly");
  }
  domain::LedgerEntry e;
  e.id = ids_.next();
  e.direction = r.direction;
  e.source = r.source;
  e.category = bounded_text(r.category, 100, "Category");
  e.currency = r.currency;
  e.amount_minor = amount_of(r.amount, r.amount_minor, r.currency);
  e.occurred_at = r.occurred_at.value_or(std::chrono::system_clock::now());
  e.description = bounded_text(r.description, 1000, "Description");
  e.recurrence = r.recurrence;
  if (r.community) e.community = bounded_text(*r.community, 100, "Community");
  e.recorded_by_account_id = admin.account.id;
  e.recorded_by = "@" + admin.account.username;
  domain::ThanksRequest thanks;
  if (r.thanks && !r.thanks->empty()) {
    if (*r.thanks != "named" && *r.thanks != "anonymous") {
      throw validation_failed("Thanks must be named or anonymous");
    }
    if (e.source != "donation") throw validation_failed("Thanks are for donations");
    if (*r.thanks == "named" && r.thanks_name.find_first_not_of(' ') == std::string::npos) {
      throw validation_failed("Thanks name can't be blank when thanks are named");
    }
    if (utf8_length(r.thanks_name) > ThanksService::kMaxName) {
      throw validation_failed("Thanks name is too long (at most 60 characters)");
    }
    if (utf8_length(r.thanks_message) > ThanksService::kMaxMessage) {
      throw validation_failed("Thanks message is too long (at most 200 characters)");
    }
    thanks.wanted = true;
    if (*r.thanks == "named") thanks.name = r.thanks_name;
    thanks.message = r.thanks_message;
  }
  co_await db_.tx([&](db::Tx& tx) {
    db::LedgerRepository::insert(tx, e);
    ThanksService::write(tx, ids_, e.id, std::nullopt, thanks);
  });
  auto stored = co_await db_.read([&](db::Tx& tx) { return db::LedgerRepository::find(tx, e.id); });
  co_return *stored;
}

awaitable<domain::LedgerEntry> LedgerService::reverse(domain::UserWithAccount admin,
                                                      std::int64_t entry_id, LedgerReversal r) {
  require_administrator(admin);
  static constexpr std::array<const char*, 3> kKinds = {"refund", "dispute", "correction"};
  if (r.kind.empty()) r.kind = "refund";
  if (!one_of(r.kind, kKinds))
    throw validation_failed("Kind must be refund, dispute or correction");
  std::string description = bounded_text(r.description, 1000, "Description");
  const std::int64_t new_id = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto original = db::LedgerRepository::find(tx, entry_id);
    if (!original) throw Error(ErrorCode::kNotFound, "Record not found");
    ReversalRow row;
    row.id = new_id;
    row.kind = r.kind;
    row.description = description;
    row.recorded_by_account_id = admin.account.id;
    row.recorded_by = "@" + admin.account.username;
    if (r.amount || r.amount_minor) {
      row.amount_minor = amount_of(r.amount, r.amount_minor, original->currency);
    }
    write_reversal(tx, entry_id, row);
  });
  auto stored =
      co_await db_.read([&](db::Tx& tx) { return db::LedgerRepository::find(tx, new_id); });
  co_return *stored;
}

void LedgerService::write_reversal(db::Tx& tx, std::int64_t original_id, const ReversalRow& r) {
  // Locked, so two reversals written at once cannot together exceed the entry.
  if (!db::LedgerRepository::lock(tx, original_id)) {
    throw Error(ErrorCode::kNotFound, "Record not found");
  }
  auto original = db::LedgerRepository::find(tx, original_id);
  if (!original) throw Error(ErrorCode::kNotFound, "Record not found");
  // A dispute the instance won (or the payer withdrew) gives the money back: a correction of
  // the dispute. Nothing else reverses a reversal.
  const bool dispute_won = original->source == "dispute" && r.kind == "correction";
  if (original->reverses_entry_id && !dispute_won) {
    throw validation_failed("A reversal cannot itself be reversed (a dispute can be corrected)");
  }
  const std::int64_t remaining = original->amount_minor - original->reversed_minor;
  const std::int64_t amount = r.amount_minor > 0 ? r.amount_minor : remaining;
  if (amount > remaining || remaining <= 0) {
    throw validation_failed(
        "Amount is larger than what remains of entry " + std::to_string(original_id) + " (" +
        domain::format_amount(remaining, original->currency) + " " + original->currency + ")");
  }
  domain::LedgerEntry e;
  e.id = r.id;
  e.direction = original->direction == "in" ? "out" : "in";
  e.source = r.kind;
  e.category = original->category;
  e.amount_minor = amount;
  e.currency = original->currency;
  e.occurred_at = std::chrono::system_clock::now();
  e.description = r.description;
  e.reverses_entry_id = original_id;
  e.provider = original->provider;
  e.provider_ref = r.provider_ref;
  e.community = original->community;
  e.recorded_by_account_id = r.recorded_by_account_id;
  e.recorded_by = r.recorded_by;
  db::LedgerRepository::insert(tx, e);
}

awaitable<std::vector<domain::LedgerEntry>> LedgerService::list(domain::UserWithAccount admin,
                                                                domain::PageRequest page) {
  require_administrator(admin);
  co_return co_await db_.read([&](db::Tx& tx) { return db::LedgerRepository::page(tx, page); });
}

awaitable<std::string> LedgerService::csv(domain::UserWithAccount admin) {
  require_administrator(admin);
  auto entries = co_await db_.read([&](db::Tx& tx) { return db::LedgerRepository::all(tx); });
  std::string out =
      "id,occurred_at,direction,source,category,amount,signed_amount,currency,recurrence,"
      "description,reverses_entry_id,provider,provider_ref,community,recorded_by,recorded_at\r\n";
  for (const auto& e : entries) {
    const std::string amount = domain::format_amount(e.amount_minor, e.currency);
    const std::string signed_amount =
        domain::format_amount(e.direction == "in" ? e.amount_minor : -e.amount_minor, e.currency);
    out += std::to_string(e.id) + "," + format_iso8601_ms(e.occurred_at) + "," + e.direction + "," +
           e.source + "," + cell(e.category) + "," + amount + "," + signed_amount + "," +
           e.currency + "," + e.recurrence + "," + cell(e.description) + "," +
           (e.reverses_entry_id ? std::to_string(*e.reverses_entry_id) : "") + "," +
           cell(e.provider) + "," + cell(e.provider_ref.value_or("")) + "," +
           cell(e.community.value_or("")) + "," + cell(e.recorded_by) + "," +
           format_iso8601_ms(e.recorded_at) + "\r\n";
  }
  co_return out;
}

}  // namespace lox::services
