#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/ledger.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// What an administrator records by hand (cash, bank transfers, off-platform payments, costs).
struct NewLedgerEntry {
  std::string direction;  // in, out
  std::string source;     // in: donation, membership, sponsorship, manual; out: cost
  std::string category;
  std::optional<std::string> amount;  // "12.34", in the currency's major unit
  std::optional<std::int64_t> amount_minor;
  std::string currency;
  std::optional<std::chrono::system_clock::time_point> occurred_at;  // default: now
  std::string description;
  std::string recurrence;  // one_time (default), monthly, yearly
  std::optional<std::string> community;
  // A donation's place on the public thanks wall, when the donor asked for one: "named"
  // (thanks_name shown) or "anonymous".
  std::optional<std::string> thanks;
  std::string thanks_name;
  std::string thanks_message;
};

// A refund, dispute or correction of an earlier entry: the whole of what remains of it, or
// part of that.
struct LedgerReversal {
  std::string kind;  // refund, dispute, correction
  std::optional<std::string> amount;
  std::optional<std::int64_t> amount_minor;
  std::string description;
};

// The funding ledger: one append-only record of money in and out, in minor units with ISO 4217
// currencies (any number of them, never converted), reversed rather than edited, exported as
// CSV for the treasurer. Only administrators touch it; every entry says who recorded it.
class LedgerService {
 public:
  LedgerService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids);

  // 403 unless `admin` holds the administrator permission; 422 naming the field for an unknown
  // direction, source, recurrence or currency, and an amount that is not positive, has more
  // decimals than its currency, or exceeds 10^15 minor units.
  awaitable<domain::LedgerEntry> record(domain::UserWithAccount admin, NewLedgerEntry entry);
  // 404 for an unknown entry; 422 for a reversal of a reversal, or an amount larger than what
  // remains of the entry.
  awaitable<domain::LedgerEntry> reverse(domain::UserWithAccount admin, std::int64_t entry_id,
                                         LedgerReversal reversal);
  awaitable<std::vector<domain::LedgerEntry>> list(domain::UserWithAccount admin,
                                                   domain::PageRequest page);
  // Every entry, oldest first, as CSV (RFC 4180; cells a spreadsheet would run as a formula
  // are prefixed with an apostrophe).
  awaitable<std::string> csv(domain::UserWithAccount admin);

  static bool may_manage(const domain::User& user);
  // 403 unless `user` may manage the instance's money (ledger, plans, sponsors, goals).
  static void require_administrator(const domain::UserWithAccount& user);

  // Writes a reversal of `original` in the caller's transaction (the original locked first);
  // 422 when it is itself a reversal or `amount` exceeds what remains of it.
  struct ReversalRow {
    std::int64_t id = 0;
    std::string kind;  // refund, dispute, correction
    std::int64_t amount_minor = 0;
    std::string description;
    std::optional<std::string> provider_ref;
    std::optional<std::int64_t> recorded_by_account_id;
    std::string recorded_by;
  };
  static void write_reversal(db::Tx& tx, std::int64_t original_id, const ReversalRow& row);

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
