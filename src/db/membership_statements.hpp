#pragma once
// Prepared statements for membership plans and members (membership_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

// A membership with its account's name and its plan's (read by read_membership).
#define LOX_MEMBERSHIP_SELECT                                                                  \
  "SELECT m.id, m.account_id, a.username, m.plan_id, p.name, m.provider, m.subscription_ref, " \
  "m.status, (extract(epoch FROM m.current_period_end) * 1000)::bigint, "                      \
  "m.cancel_at_period_end FROM memberships m JOIN accounts a ON a.id = m.account_id "          \
  "JOIN membership_plans p ON p.id = m.plan_id"

inline constexpr std::array kMembershipStatements = {
    Statement{"plan_insert",
              "INSERT INTO membership_plans (id, name, description, price_minor, currency, "
              "billing_interval, trial_days, entitlements, provider_price_ref) VALUES ($1, $2, "
              "$3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT DO NOTHING RETURNING id"},
    Statement{"plans_all",
              "SELECT id, name, description, price_minor, currency, billing_interval, "
              "trial_days, entitlements::text, provider_price_ref, active FROM membership_plans "
              "ORDER BY price_minor, id"},
    Statement{"plan_by_price_ref",
              "SELECT id FROM membership_plans WHERE provider_price_ref = $1 AND active"},
    // A subscription's state as of the event at $9 (ms); an older event changes nothing.
    Statement{"membership_upsert",
              "INSERT INTO memberships AS m (id, account_id, plan_id, provider, subscription_ref, "
              "status, current_period_end, cancel_at_period_end, last_event_at) VALUES ($1, $2, "
              "$3, $4, $5, $6, to_timestamp($7::bigint / 1000.0), $8, "
              "to_timestamp($9::bigint / 1000.0)) ON CONFLICT (provider, subscription_ref) DO "
              "UPDATE SET plan_id = excluded.plan_id, status = excluded.status, "
              "current_period_end = coalesce(excluded.current_period_end, m.current_period_end), "
              "cancel_at_period_end = excluded.cancel_at_period_end, "
              "last_event_at = excluded.last_event_at, updated_at = now() "
              "WHERE m.last_event_at <= excluded.last_event_at"},
    Statement{"membership_exists",
              "SELECT 1 FROM memberships WHERE provider = $1 AND subscription_ref = $2"},
    // A paid invoice: the period reaches at least its end, whatever order events came in.
    Statement{"membership_renew",
              "UPDATE memberships SET current_period_end = greatest(current_period_end, "
              "to_timestamp($3::bigint / 1000.0)), status = CASE WHEN last_event_at <= "
              "to_timestamp($4::bigint / 1000.0) AND status IN ('trialing', 'past_due', 'active') "
              "THEN 'active' ELSE status END, last_event_at = greatest(last_event_at, "
              "to_timestamp($4::bigint / 1000.0)), updated_at = now() "
              "WHERE provider = $1 AND subscription_ref = $2"},
    Statement{"membership_past_due",
              "UPDATE memberships SET status = 'past_due', last_event_at = "
              "to_timestamp($3::bigint / 1000.0), updated_at = now() WHERE provider = $1 AND "
              "subscription_ref = $2 AND status IN ('active', 'trialing') AND last_event_at <= "
              "to_timestamp($3::bigint / 1000.0)"},
    // The entitlements of every plan an account holds now ($2: grace days after the period
    // end); the caller combines them.
    Statement{"entitlements_for",
              "SELECT p.entitlements::text FROM memberships m JOIN membership_plans p ON "
              "p.id = m.plan_id WHERE m.account_id = $1 AND m.status IN ('trialing', 'active', "
              "'past_due', 'comped') AND (m.current_period_end IS NULL OR m.current_period_end + "
              "make_interval(days => $2) > now())"},
    Statement{"memberships_all", LOX_MEMBERSHIP_SELECT " ORDER BY m.created_at "
                                                       "DESC, m.id DESC LIMIT 500"},
    Statement{"membership_find", LOX_MEMBERSHIP_SELECT " WHERE m.id = $1"},
    // An account's own memberships, newest first, ended ones included (a short history).
    Statement{"memberships_of_account", LOX_MEMBERSHIP_SELECT
              " WHERE m.account_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT 20"},
    Statement{"plan_exists", "SELECT 1 FROM membership_plans WHERE id = $1"},
    // Re-derives an account's supporter badge ($2: grace days): the badge of the plan it holds
    // longest, until that membership's period (and grace) ends; none without one.
    Statement{"supporter_badge_refresh",
              "UPDATE accounts a SET (supporter_badge, supporter_badge_until) = (SELECT "
              "b.badge, b.until FROM (SELECT p.entitlements->>'badge' AS badge, "
              "coalesce(m.current_period_end + make_interval(days => $2), 'infinity') AS until "
              "FROM memberships m JOIN membership_plans p ON p.id = m.plan_id WHERE m.account_id "
              "= $1 AND p.entitlements ? 'badge' AND m.status IN ('trialing', 'active', "
              "'past_due', 'comped') UNION ALL SELECT NULL, NULL ORDER BY 2 DESC NULLS LAST "
              "LIMIT 1) b) WHERE a.id = $1"},
    Statement{"seat_insert",
              "INSERT INTO funded_seats (id, plan_id, months, ledger_entry_id, funded_by) VALUES "
              "($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"},
    Statement{"seats_all",
              "SELECT f.id, f.plan_id, p.name, f.months, f.ledger_entry_id, f.funded_by, "
              "f.account_id, a.username, (extract(epoch FROM f.assigned_at) * 1000)::bigint FROM "
              "funded_seats f JOIN membership_plans p ON p.id = f.plan_id LEFT JOIN accounts a ON "
              "a.id = f.account_id ORDER BY f.assigned_at IS NOT NULL, f.created_at, f.id LIMIT "
              "500"},
    Statement{"seat_find",
              "SELECT f.id, f.plan_id, p.name, f.months, f.ledger_entry_id, f.funded_by, "
              "f.account_id, a.username, (extract(epoch FROM f.assigned_at) * 1000)::bigint FROM "
              "funded_seats f JOIN membership_plans p ON p.id = f.plan_id LEFT JOIN accounts a ON "
              "a.id = f.account_id WHERE f.id = $1"},
    // Takes an open seat for `$2` (locked, so it is given once).
    Statement{"seat_assign",
              "UPDATE funded_seats SET account_id = $2, membership_id = $3, assigned_by = $4, "
              "assigned_at = now() WHERE id = $1 AND assigned_at IS NULL RETURNING plan_id, "
              "months"},
    Statement{"seat_counts",
              "SELECT count(*), count(*) FILTER (WHERE assigned_at IS NOT NULL) FROM "
              "funded_seats"},
    Statement{"membership_account",
              "SELECT account_id FROM memberships WHERE provider = $1 AND subscription_ref = $2"},
    // The subscription a member can cancel: theirs with the provider, still running.
    Statement{"membership_running", LOX_MEMBERSHIP_SELECT
              " WHERE m.account_id = $1 "
              "AND m.provider = $2 AND m.status IN ('trialing', 'active', 'past_due') ORDER BY "
              "m.current_period_end DESC NULLS LAST, m.id DESC LIMIT 1"},
    // Ends an administrator's comp at once (a provider's subscription ends through its events).
    Statement{"comp_end",
              "UPDATE memberships SET status = 'ended', current_period_end = least("
              "coalesce(current_period_end, now()), now()), last_event_at = greatest("
              "last_event_at, now()), updated_at = now() WHERE id = $1 AND provider = 'manual' "
              "AND status = 'comped'"},
};

#undef LOX_MEMBERSHIP_SELECT

}  // namespace lox::db::sql
