#pragma once
// Prepared statements for the thanks wall (thanks_repository.cpp).

#include "db/sql_fragments.hpp"
#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

#define LOX_THANKS_COLUMNS                                              \
  "t.id, t.ledger_entry_id, t.donor_ref, t.name, t.message, t.hidden, " \
  "(extract(epoch FROM l.occurred_at) * 1000)::bigint, l.recurrence"

inline constexpr std::array kThanksStatements = {
    Statement{"thanks_insert",
              "INSERT INTO donation_thanks (id, ledger_entry_id, donor_ref, name, message) VALUES "
              "($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"},
    // The wall: not hidden, and not refunded in full (a won dispute gives back). Newest first.
    Statement{"thanks_wall", "SELECT " LOX_THANKS_COLUMNS
                             " FROM donation_thanks t JOIN ledger_entries l ON l.id = "
                             "t.ledger_entry_id WHERE NOT t.hidden AND " LOX_NET_REVERSED(
                                 "l.id") " < l.amount_minor ORDER BY l.occurred_at DESC, t.id "
                                         "DESC LIMIT $1"},
    Statement{"thanks_all",
              "SELECT " LOX_THANKS_COLUMNS
              " FROM donation_thanks t JOIN ledger_entries l ON l.id = t.ledger_entry_id ORDER BY "
              "l.occurred_at DESC, t.id DESC LIMIT 500"},
    Statement{"thanks_hide", "UPDATE donation_thanks SET hidden = $2 WHERE id = $1"},
};

#undef LOX_THANKS_COLUMNS

}  // namespace lox::db::sql
