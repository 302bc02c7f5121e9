#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/donation_thanks.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// The public thanks wall: donors who opted in when they gave (through the provider's checkout
// metadata, or told an administrator), by name or anonymously. Administrators can hide a row.
class ThanksService {
 public:
  ThanksService(db::Database& db);

  static constexpr std::size_t kMaxName = 60;
  static constexpr std::size_t kMaxMessage = 200;
  static constexpr int kWallSize = 100;

  // Public: the newest thanks, hidden ones and donations refunded in full left out.
  awaitable<std::vector<domain::DonationThanks>> wall();
  // Administrators only (403).
  awaitable<std::vector<domain::DonationThanks>> all(domain::UserWithAccount admin);
  // 404 for an unknown row.
  awaitable<void> set_hidden(domain::UserWithAccount admin, std::int64_t id, bool hidden);

  // Writes the thanks for a donation in the caller's transaction (once per donation, and once
  // per recurring donation by `donor_ref`). Names and messages are trimmed to their limits and
  // stripped of control characters: a payment is never refused for its thanks.
  static void write(db::Tx& tx, SnowflakeGenerator& ids, std::int64_t ledger_entry_id,
                    const std::optional<std::string>& donor_ref,
                    const domain::ThanksRequest& request);

 private:
  db::Database& db_;
};

}  // namespace lox::services
