#pragma once

#include <loxodon/db/page_query.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/ledger.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace lox::db {

// The funding ledger (append-only: the database refuses updates and deletes).
class LedgerRepository {
 public:
  // False when the provider's reference was recorded before (a repeated webhook).
  static bool insert(Tx& tx, const domain::LedgerEntry& entry);
  static std::optional<domain::LedgerEntry> find(Tx& tx, std::int64_t id);
  // Locks an entry for the rest of the transaction (before writing a reversal of it).
  static bool lock(Tx& tx, std::int64_t id);
  static std::vector<domain::LedgerEntry> page(Tx& tx, const PageQuery& page);
  // Every entry, oldest first (the CSV export).
  static std::vector<domain::LedgerEntry> all(Tx& tx);
};

}  // namespace lox::db
