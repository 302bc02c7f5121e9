#pragma once
// Prepared statements for funding settings, stretch goals and the ledger's totals
// (funding_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kFundingStatements = {
    Statement{"funding_settings_get",
              "SELECT currency, monthly_goal_minor, reserve_target_minor, description, "
              "updated_by, (extract(epoch FROM updated_at) * 1000)::bigint FROM funding_settings"},
    Statement{"funding_settings_put",
              "INSERT INTO funding_settings (singleton, currency, monthly_goal_minor, "
              "reserve_target_minor, description, updated_by) VALUES (true, $1, $2, $3, $4, $5) "
              "ON CONFLICT (singleton) DO UPDATE SET currency = excluded.currency, "
              "monthly_goal_minor = excluded.monthly_goal_minor, reserve_target_minor = "
              "excluded.reserve_target_minor, description = excluded.description, updated_by = "
              "excluded.updated_by, updated_at = now()"},
    Statement{"stretch_goal_insert",
              "INSERT INTO funding_stretch_goals (id, title, description, amount_minor, currency) "
              "VALUES ($1, $2, $3, $4, $5)"},
    Statement{"stretch_goals_all",
              "SELECT id, title, description, amount_minor, currency FROM funding_stretch_goals "
              "ORDER BY amount_minor, id"},
    Statement{"stretch_goal_delete", "DELETE FROM funding_stretch_goals WHERE id = $1"},
    Statement{"stretch_goals_count", "SELECT count(*) FROM funding_stretch_goals"},
    // Changes whenever anything the published figures come from changes by a write: the
    // ledger is append-only with increasing ids, so its newest id is enough.
    Statement{"funding_version",
              "SELECT (SELECT coalesce(max(id), 0) FROM ledger_entries)::text || ':' || "
              "(SELECT coalesce(max((extract(epoch FROM updated_at) * 1000)::bigint), 0) FROM "
              "funding_settings)::text || ':' || (SELECT count(*) || '/' || coalesce(max(id), 0) "
              "FROM funding_stretch_goals) || ':' || (SELECT count(*) || '/' || count(assigned_at) "
              "FROM funded_seats)"},
    // Net amounts per currency, side, source, category and UTC month. A reversal counts against
    // the entry it reverses (under that entry's side, source and category) in its own month; a
    // correction of a dispute (won) counts against the disputed payment, two levels up.
    Statement{"ledger_totals",
              "SELECT e.currency, coalesce(r.direction, o.direction, e.direction) = 'in', "
              "coalesce(r.source, o.source, e.source), coalesce(r.category, o.category, "
              "e.category), to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM'), "
              "sum(CASE WHEN e.direction = coalesce(r.direction, o.direction, e.direction) THEN "
              "e.amount_minor ELSE -e.amount_minor END)::bigint FROM ledger_entries e LEFT JOIN "
              "ledger_entries o ON o.id = e.reverses_entry_id LEFT JOIN ledger_entries r ON r.id "
              "= o.reverses_entry_id GROUP BY 1, 2, 3, 4, 5"},
    // Local accounts holding a paid or comped membership now ($1: grace days), among those
    // active in the last 30 days; and how many were active.
    Statement{"funding_supporters",
              "SELECT (SELECT count(DISTINCT m.account_id) FROM memberships m JOIN "
              "membership_plans p ON p.id = m.plan_id JOIN accounts a ON a.id = m.account_id "
              "WHERE a.domain IS NULL AND a.suspended_at IS NULL AND a.last_active_at > now() - "
              "interval '30 days' AND (p.price_minor > 0 OR m.status = 'comped') AND m.status IN "
              "('trialing', 'active', 'past_due', 'comped') AND (m.current_period_end IS NULL OR "
              "m.current_period_end + make_interval(days => $1) > now())), "
              "(SELECT count(*) FROM accounts WHERE domain IS NULL AND suspended_at IS NULL AND "
              "last_active_at > now() - interval '30 days')"},
};

}  // namespace lox::db::sql
