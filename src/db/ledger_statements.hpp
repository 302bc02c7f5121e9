#pragma once
// Prepared statements for the funding ledger (ledger_repository.cpp).

#include "db/sql_fragments.hpp"
#include "db/statement.hpp"

#include <array>

#define LOX_LEDGER_COLUMNS                                                                   \
  "l.id, l.direction, l.source, l.category, l.amount_minor, l.currency, "                    \
  "(extract(epoch FROM l.occurred_at) * 1000)::bigint, l.description, l.recurrence, "        \
  "l.reverses_entry_id, l.provider, l.provider_ref, l.community, l.recorded_by_account_id, " \
  "l.recorded_by, (extract(epoch FROM l.recorded_at) * 1000)::bigint, " LOX_NET_REVERSED("l.id")

namespace lox::db::sql {

inline constexpr std::array kLedgerStatements = {
    // Entries that reverse this one or reverse those (a won dispute's correction).
    Statement{"ledger_reversal_count",
              "SELECT count(*) FROM ledger_entries r WHERE r.reverses_entry_id = $1 OR "
              "r.reverses_entry_id IN (SELECT id FROM ledger_entries WHERE reverses_entry_id = "
              "$1)"},
    Statement{"ledger_insert",
              "INSERT INTO ledger_entries (id, direction, source, category, amount_minor, "
              "currency, occurred_at, description, recurrence, reverses_entry_id, provider, "
              "provider_ref, community, recorded_by_account_id, recorded_by) VALUES ($1, $2, $3, "
              "$4, $5, $6, to_timestamp($7::bigint / 1000.0), $8, $9, $10, $11, $12, $13, $14, "
              "$15) ON CONFLICT DO NOTHING RETURNING id"},
    Statement{"ledger_by_id",
              "SELECT " LOX_LEDGER_COLUMNS " FROM ledger_entries l WHERE l.id = $1"},
    // The entry a reversal is written against, locked so two reversals cannot both fit.
    Statement{"ledger_lock", "SELECT id FROM ledger_entries WHERE id = $1 FOR UPDATE"},
    // Newest first by when the money moved ($1 max id, $2 since id, $3 limit).
    Statement{"ledger_page",
              "SELECT " LOX_LEDGER_COLUMNS " FROM ledger_entries l WHERE l.id < $1 AND l.id > $2 "
              "ORDER BY l.id DESC LIMIT $3"},
    Statement{"ledger_by_provider_ref",
              "SELECT " LOX_LEDGER_COLUMNS " FROM ledger_entries l WHERE l.provider = $1 "
              "AND l.provider_ref = $2 AND l.reverses_entry_id IS NULL"},
    Statement{"ledger_reversal_by_provider_ref",
              "SELECT " LOX_LEDGER_COLUMNS " FROM ledger_entries l WHERE l.provider = $1 "
              "AND l.provider_ref = $2 AND l.reverses_entry_id IS NOT NULL"},
    Statement{"payment_event_insert",
              "INSERT INTO payment_events (provider, event_id, provider_type, type, occurred_at, "
              "raw_sha256) VALUES ($1, $2, $3, $4, to_timestamp($5::bigint / 1000.0), $6) "
              "ON CONFLICT DO NOTHING RETURNING 1"},
    Statement{"ledger_all",
              "SELECT " LOX_LEDGER_COLUMNS " FROM ledger_entries l ORDER BY l.occurred_at, l.id"},
};

}  // namespace lox::db::sql
