#pragma once
// Prepared statements for federation bookkeeping: delivery health per remote host
// (delivery_host_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kDeliveryHostStatements = {
    Statement{"delivery_host_get",
              "SELECT cardinality(failure_days), unavailable_since IS NOT NULL "
              "FROM delivery_hosts WHERE host = $1"},
    // Adds today's UTC date once; the seventh distinct day makes the host unavailable.
    // Returns whether this failure made it so.
    Statement{"delivery_host_fail",
              "INSERT INTO delivery_hosts AS h (host, failure_days, last_failure, last_failure_at) "
              "VALUES ($1, ARRAY[(now() AT TIME ZONE 'UTC')::date], left($2, 500), now()) "
              "ON CONFLICT (host) DO UPDATE SET"
              "  failure_days = CASE WHEN (now() AT TIME ZONE 'UTC')::date = ANY(h.failure_days)"
              "    THEN h.failure_days"
              "    ELSE h.failure_days || (now() AT TIME ZONE 'UTC')::date END,"
              "  last_failure = excluded.last_failure, last_failure_at = now(),"
              "  unavailable_since = CASE WHEN h.unavailable_since IS NOT NULL"
              "    THEN h.unavailable_since"
              "    WHEN cardinality(array(SELECT DISTINCT unnest(h.failure_days"
              "      || (now() AT TIME ZONE 'UTC')::date))) >= $3 THEN now() END "
              "RETURNING unavailable_since IS NOT NULL AND unavailable_since = now()"},
    // Where a profile change goes: the (shared) inboxes of remote accounts following this one
    // or followed by it, as Mastodon sends Update(Person).
    Statement{"related_remote_inboxes",
              "SELECT DISTINCT coalesce(nullif(a.shared_inbox_url, ''), a.inbox_url) "
              "FROM accounts a WHERE a.domain IS NOT NULL AND a.inbox_url IS NOT NULL "
              "AND a.suspended_at IS NULL AND (a.id IN (SELECT account_id FROM follows "
              "WHERE target_account_id = $1) OR a.id IN (SELECT target_account_id FROM follows "
              "WHERE account_id = $1))"},
    // Where an account's own Delete goes: every inbox this server knows.
    Statement{"all_remote_inboxes",
              "SELECT DISTINCT coalesce(nullif(shared_inbox_url, ''), inbox_url) FROM accounts "
              "WHERE domain IS NOT NULL AND inbox_url IS NOT NULL AND suspended_at IS NULL"},
    Statement{
        "follow_request_set_uri",
        "UPDATE follow_requests SET uri = $3 WHERE account_id = $1 AND target_account_id = $2"},
    Statement{"follow_request_uri",
              "SELECT uri FROM follow_requests WHERE account_id = $1 AND target_account_id = $2 "
              "AND uri IS NOT NULL"},
    // Up to $2 remote statuses older than $1 days that nobody here interacted with: not
    // favourited, bookmarked, boosted, replied to or pinned by a local account, not mentioning
    // one, not themselves a boost of or reply to a local status. Their media rows become
    // unattached and go with the hourly cleanup of unattached uploads.
    Statement{"remote_statuses_expire",
              "DELETE FROM statuses WHERE id IN (SELECT s.id FROM statuses s "
              "JOIN accounts a ON a.id = s.account_id WHERE a.domain IS NOT NULL "
              "AND NOT s.local AND s.created_at < now() - make_interval(days => $1) "
              "AND NOT EXISTS (SELECT 1 FROM favourites f JOIN accounts fa ON fa.id = f.account_id "
              "  WHERE f.status_id = s.id AND fa.domain IS NULL) "
              "AND NOT EXISTS (SELECT 1 FROM bookmarks b WHERE b.status_id = s.id) "
              "AND NOT EXISTS (SELECT 1 FROM status_pins p WHERE p.status_id = s.id) "
              "AND NOT EXISTS (SELECT 1 FROM statuses r WHERE r.local "
              "  AND (r.reblog_of_id = s.id OR r.in_reply_to_id = s.id)) "
              "AND NOT EXISTS (SELECT 1 FROM mentions m JOIN accounts ma ON ma.id = m.account_id "
              "  WHERE m.status_id = s.id AND ma.domain IS NULL) "
              "AND NOT EXISTS (SELECT 1 FROM statuses o WHERE o.local "
              "  AND (o.id = s.reblog_of_id OR o.id = s.in_reply_to_id)) "
              "ORDER BY s.id LIMIT $2)"},
    Statement{"account_remote_images",
              "SELECT coalesce(avatar_remote_url, ''), coalesce(header_remote_url, ''), "
              "avatar_key IS NOT NULL, header_key IS NOT NULL FROM accounts WHERE id = $1"},
    Statement{"account_set_remote_images",
              "UPDATE accounts SET avatar_remote_url = $2, header_remote_url = $3 WHERE id = $1"},
    Statement{"delivery_host_clear", "DELETE FROM delivery_hosts WHERE host = $1"},
    Statement{"delivery_host_list",
              "SELECT host, cardinality(failure_days), "
              "(extract(epoch FROM last_failure_at) * 1000)::bigint, coalesce(last_failure, ''), "
              "(extract(epoch FROM unavailable_since) * 1000)::bigint "
              "FROM delivery_hosts ORDER BY unavailable_since IS NULL, host"},
};

}  // namespace lox::db::sql
