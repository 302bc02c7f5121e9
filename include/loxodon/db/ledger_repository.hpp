#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/ledger.hpp>
#include <loxodon/domain/page_request.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// The funding ledger (append-only: the database refuses updates and deletes).
class LedgerRepository {
 public:
  // False when the provider's reference was recorded before (a repeated webhook).
  static bool insert(Tx& tx, const domain::LedgerEntry& entry);
  static std::optional<domain::LedgerEntry> find(Tx& tx, std::int64_t id);
  // How many entries reverse `id` or its reversals: grows with every refund, dispute or
  // correction, so it tells one refund request from the next.
  static std::int64_t reversal_count(Tx& tx, std::int64_t id);
  // Locks an entry for the rest of the transaction (before writing a reversal of it).
  static bool lock(Tx& tx, std::int64_t id);
  static std::vector<domain::LedgerEntry> page(Tx& tx, const domain::PageRequest& page);
  // The payment (not a reversal) a provider recorded under `provider_ref`.
  static std::optional<domain::LedgerEntry> find_by_provider_ref(Tx& tx,
                                                                 const std::string& provider,
                                                                 const std::string& provider_ref);
  // The reversal (a dispute, a refund) a provider recorded under `provider_ref`.
  static std::optional<domain::LedgerEntry> find_reversal_by_provider_ref(
      Tx& tx, const std::string& provider, const std::string& provider_ref);
  // Records a provider's webhook event once; false when it was recorded before.
  struct EventRow {
    std::string provider, event_id, provider_type, type;
    std::chrono::system_clock::time_point occurred_at;
    std::string raw_sha256;
  };
  static bool record_event(Tx& tx, const EventRow& event);
  // Every entry, oldest first (the CSV export).
  static std::vector<domain::LedgerEntry> all(Tx& tx);
};

}  // namespace lox::db
