#pragma once
// Prepared statements of scheduled statuses (scheduled_status_repository.cpp).

#include "db/statement.hpp"

#include <array>

#define LOX_SCHEDULED_COLUMNS                                                         \
  "id, account_id, (extract(epoch FROM scheduled_at) * 1000)::bigint, params::text, " \
  "idempotency_key"

namespace lox::db::sql {

inline constexpr std::array kScheduledStatusStatements = {
    Statement{"scheduled_insert",
              "INSERT INTO scheduled_statuses (id, account_id, scheduled_at, params, "
              "idempotency_key) VALUES ($1, $2, to_timestamp($3::bigint / 1000.0), $4::jsonb, $5) "
              "ON CONFLICT DO NOTHING"},
    Statement{"scheduled_by_key",
              "SELECT " LOX_SCHEDULED_COLUMNS
              " FROM scheduled_statuses WHERE account_id = $1 AND idempotency_key = $2"},
    LOX_PAGED_STATEMENTS("scheduled_page",
                         "SELECT " LOX_SCHEDULED_COLUMNS
                         " FROM scheduled_statuses WHERE account_id = $1 AND id < $2 AND id > $3",
                         "id"),
    Statement{"scheduled_get", "SELECT " LOX_SCHEDULED_COLUMNS
                               " FROM scheduled_statuses WHERE account_id = $1 AND id = $2"},
    Statement{"scheduled_find",
              "SELECT " LOX_SCHEDULED_COLUMNS " FROM scheduled_statuses WHERE id = $1"},
    // The totals Mastodon limits: all pending, and those due on the same (UTC) day.
    Statement{"scheduled_counts",
              "SELECT count(*), count(*) FILTER (WHERE (scheduled_at AT TIME ZONE 'UTC')::date = "
              "  (to_timestamp($2::bigint / 1000.0) AT TIME ZONE 'UTC')::date) "
              "FROM scheduled_statuses WHERE account_id = $1 AND id <> $3"},
    Statement{"scheduled_reschedule",
              "UPDATE scheduled_statuses SET scheduled_at = to_timestamp($3::bigint / 1000.0) "
              "WHERE account_id = $1 AND id = $2"},
    Statement{"scheduled_delete",
              "DELETE FROM scheduled_statuses WHERE account_id = $1 AND id = $2"},
    Statement{"scheduled_delete_any", "DELETE FROM scheduled_statuses WHERE id = $1"},
};

}  // namespace lox::db::sql
