#pragma once
// Prepared statements of the social graph: follows and follow requests, blocks, mutes,
// endorsements, domain blocks, and notifications (social_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kSocialStatements = {
    // --- follows, blocks, mutes, endorsements, domain blocks ------------------------------
    Statement{
        "follow_insert",
        "INSERT INTO follows (id, account_id, target_account_id, show_reblogs, notify, languages) "
        "VALUES ($1, $2, $3, $4, $5, CASE WHEN $7 THEN nullif($6::text[], '{}') END) "
        "ON CONFLICT (account_id, target_account_id) DO UPDATE SET show_reblogs = $4, notify = $5, "
        "languages = CASE WHEN $7 THEN nullif($6::text[], '{}') ELSE follows.languages END "
        "RETURNING (xmax = 0)"},
    Statement{
        "follow_request_insert",
        "INSERT INTO follow_requests (id, account_id, target_account_id, show_reblogs, notify, "
        "languages) VALUES ($1, $2, $3, $4, $5, CASE WHEN $7 THEN nullif($6::text[], '{}') END) "
        "ON CONFLICT (account_id, target_account_id) DO NOTHING RETURNING id"},
    // What a Move carries over: local followers (with their options), blockers and muters.
    Statement{"local_followers_of",
              "SELECT f.account_id, f.show_reblogs, f.notify, f.languages FROM follows f "
              "JOIN accounts a ON a.id = f.account_id "
              "WHERE f.target_account_id = $1 AND a.domain IS NULL ORDER BY f.id"},
    Statement{"local_blockers_of",
              "SELECT b.account_id FROM blocks b JOIN accounts a ON a.id = b.account_id "
              "WHERE b.target_account_id = $1 AND a.domain IS NULL ORDER BY b.id"},
    Statement{"local_muters_of",
              "SELECT m.account_id, m.hide_notifications FROM mutes m "
              "JOIN accounts a ON a.id = m.account_id WHERE m.target_account_id = $1 "
              "AND a.domain IS NULL AND (m.expires_at IS NULL OR m.expires_at > now()) "
              "ORDER BY m.id"},
    Statement{"follow_delete",
              "DELETE FROM follows WHERE account_id = $1 AND target_account_id = $2"},
    Statement{"follow_request_delete",
              "DELETE FROM follow_requests WHERE account_id = $1 AND target_account_id = $2 "
              "RETURNING show_reblogs, notify, languages"},
    // Unfollowing removes the followed account's statuses from the home feed.
    Statement{"home_feed_remove_author",
              "DELETE FROM home_feed h USING statuses s WHERE h.account_id = $1 "
              "AND h.status_id = s.id AND s.account_id = $2"},
    // Following back-fills a bounded number of recent statuses, so the home feed is not empty.
    Statement{
        "home_feed_backfill",
        "INSERT INTO home_feed (account_id, status_id) SELECT $1, s.id FROM statuses s "
        "WHERE s.account_id = $2 AND s.deleted_at IS NULL AND s.visibility <= 2 "
        "AND (s.reblog_of_id IS NULL OR $3) ORDER BY s.id DESC LIMIT 40 ON CONFLICT DO NOTHING"},
    Statement{
        "relationships",
        "SELECT t.id, "
        "EXISTS (SELECT 1 FROM follows f WHERE f.account_id = $1 AND f.target_account_id = t.id), "
        "coalesce((SELECT f.show_reblogs FROM follows f WHERE f.account_id = $1 AND "
        "f.target_account_id = t.id), false), "
        "coalesce((SELECT f.notify FROM follows f WHERE f.account_id = $1 AND f.target_account_id "
        "= t.id), false), "
        "EXISTS (SELECT 1 FROM follows f WHERE f.account_id = t.id AND f.target_account_id = $1), "
        "EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = $1 AND b.target_account_id = t.id), "
        "EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = t.id AND b.target_account_id = $1), "
        "EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = $1 AND m.target_account_id = t.id), "
        "coalesce((SELECT m.hide_notifications FROM mutes m WHERE m.account_id = $1 AND "
        "m.target_account_id = t.id), false), "
        "EXISTS (SELECT 1 FROM follow_requests r WHERE r.account_id = $1 AND r.target_account_id = "
        "t.id), "
        "EXISTS (SELECT 1 FROM follow_requests r WHERE r.account_id = t.id AND r.target_account_id "
        "= $1), "
        "EXISTS (SELECT 1 FROM account_pins p WHERE p.account_id = $1 AND p.target_account_id = "
        "t.id), "
        "EXISTS (SELECT 1 FROM account_domain_blocks d WHERE d.account_id = $1 AND d.domain = "
        "t.domain), "
        "(SELECT f.languages FROM follows f WHERE f.account_id = $1 AND f.target_account_id = "
        "t.id) "
        "FROM accounts t WHERE t.id = ANY($2::bigint[]) AND t.suspended_at IS NULL"},
    // For each of $2: the accounts $1 follows that follow it, most recent follow first.
    Statement{
        "familiar_followers",
        "SELECT x.target_account_id, x.account_id FROM (SELECT f.target_account_id, "
        "f.account_id, row_number() OVER (PARTITION BY f.target_account_id ORDER BY f.id DESC) "
        "AS n FROM follows f JOIN follows mine ON mine.account_id = $1 AND "
        "mine.target_account_id = f.account_id JOIN accounts a ON a.id = f.account_id "
        "WHERE f.target_account_id = ANY ($2::bigint[]) AND a.suspended_at IS NULL) x "
        "WHERE x.n <= $3 ORDER BY x.target_account_id, x.n"},
    Statement{
        "followers_page",
        "SELECT f.id, f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id "
        "WHERE f.target_account_id = $1 AND a.suspended_at IS NULL AND f.id < $2 AND f.id > $3 "
        "ORDER BY f.id DESC LIMIT $4"},
    Statement{"following_page",
              "SELECT f.id, f.target_account_id FROM follows f JOIN accounts a ON a.id = "
              "f.target_account_id "
              "WHERE f.account_id = $1 AND a.suspended_at IS NULL AND f.id < $2 AND f.id > $3 "
              "ORDER BY f.id DESC LIMIT $4"},
    Statement{
        "follow_requests_page",
        "SELECT r.id, r.account_id FROM follow_requests r JOIN accounts a ON a.id = r.account_id "
        "WHERE r.target_account_id = $1 AND a.suspended_at IS NULL AND r.id < $2 AND r.id > $3 "
        "ORDER BY r.id DESC LIMIT $4"},
    Statement{"follow_counts",
              "SELECT (SELECT count(*) FROM follows WHERE target_account_id = $1), "
              "(SELECT count(*) FROM follows WHERE account_id = $1)"},
    Statement{"block_insert",
              "INSERT INTO blocks (id, account_id, target_account_id) VALUES ($1, $2, $3) "
              "ON CONFLICT DO NOTHING"},
    Statement{"block_delete",
              "DELETE FROM blocks WHERE account_id = $1 AND target_account_id = $2"},
    Statement{
        "mute_insert",
        "INSERT INTO mutes (id, account_id, target_account_id, hide_notifications, expires_at) "
        "VALUES ($1, $2, $3, $4, CASE WHEN $5::bigint > 0 THEN now() + make_interval(secs => $5) "
        "END) "
        "ON CONFLICT (account_id, target_account_id) DO UPDATE SET hide_notifications = $4, "
        "expires_at = CASE WHEN $5::bigint > 0 THEN now() + make_interval(secs => $5) END"},
    Statement{"mute_delete", "DELETE FROM mutes WHERE account_id = $1 AND target_account_id = $2"},
    // Endorsing needs a follow: nothing is inserted otherwise. True when endorsed afterwards
    // (now or before; the CTE's row is not visible to the outer EXISTS, hence both checks).
    Statement{"endorse",
              "WITH ins AS (INSERT INTO account_pins (id, account_id, target_account_id) "
              "SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM follows f WHERE f.account_id = $2 "
              "AND f.target_account_id = $3) ON CONFLICT DO NOTHING RETURNING 1) "
              "SELECT EXISTS (SELECT 1 FROM ins) OR EXISTS (SELECT 1 FROM account_pins p WHERE "
              "p.account_id = $2 AND p.target_account_id = $3)"},
    Statement{"unendorse",
              "DELETE FROM account_pins WHERE account_id = $1 AND target_account_id = $2"},
    Statement{"endorsements_page",
              "SELECT p.id, p.target_account_id FROM account_pins p WHERE p.account_id = $1 "
              "AND p.id < $2 AND p.id > $3 ORDER BY p.id DESC LIMIT $4"},
    Statement{
        "domain_block_add",
        "INSERT INTO account_domain_blocks (id, account_id, domain) VALUES ($1, $2, lower($3)) "
        "ON CONFLICT DO NOTHING"},
    Statement{"domain_block_remove",
              "DELETE FROM account_domain_blocks WHERE account_id = $1 AND domain = lower($2)"},
    Statement{"domain_blocks_page",
              "SELECT id, domain FROM account_domain_blocks WHERE account_id = $1 AND id < $2 "
              "AND id > $3 ORDER BY id DESC LIMIT $4"},
    // --- notifications -------------------------------------------------------------------
    // Followers who asked to be notified (follow with notify=true) get a "status" notification.
    Statement{
        "notify_subscribers",
        "SELECT f.account_id FROM follows f JOIN statuses s ON s.account_id = f.target_account_id "
        "WHERE s.id = $1 AND f.notify AND s.visibility <= 2 AND s.reblog_of_id IS NULL"},
    // Who boosted a status: told about its edits ("update").
    Statement{
        "rebloggers_of",
        "SELECT DISTINCT account_id FROM statuses WHERE reblog_of_id = $1 AND deleted_at IS NULL"},
    Statement{"unread_notifications",
              "SELECT count(*) FROM (SELECT 1 FROM notifications n WHERE n.account_id = $1 AND "
              "n.id > coalesce((SELECT last_read_id FROM markers WHERE account_id = $1 AND "
              "timeline = 'notifications'), 0) LIMIT $2) x"},
    // Nobody is notified about themselves, by someone they block, or by someone they muted
    // with notifications hidden.
    Statement{"notification_insert",
              "INSERT INTO notifications (id, account_id, from_account_id, type, status_id) "
              "SELECT $1::bigint, $2::bigint, $3::bigint, $4::text, $5::bigint "
              "WHERE ($2 <> $3 OR $4 = 'poll') "
              "AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = $2 AND a.domain IS NULL) "
              "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = $2 AND "
              "b.target_account_id = $3) "
              "AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = $2 AND "
              "m.target_account_id = $3 "
              "  AND m.hide_notifications) "
              "ON CONFLICT DO NOTHING"},
    Statement{"notifications_page",
              "SELECT n.id, n.type, n.from_account_id, n.status_id, "
              "(extract(epoch FROM n.created_at) * 1000)::bigint FROM notifications n "
              "WHERE n.account_id = $1 AND n.id < $2 AND n.id > $3 "
              "AND (cardinality($5::text[]) = 0 OR n.type = ANY($5::text[])) "
              "AND NOT (n.type = ANY($6::text[])) "
              "AND ($7::bigint = 0 OR n.from_account_id = $7) "
              "ORDER BY n.id DESC LIMIT $4"},
    Statement{"notification_get",
              "SELECT n.id, n.type, n.from_account_id, n.status_id, "
              "(extract(epoch FROM n.created_at) * 1000)::bigint FROM notifications n "
              "WHERE n.account_id = $1 AND n.id = $2"},
    Statement{"notification_dismiss",
              "DELETE FROM notifications WHERE account_id = $1 AND id = $2"},
    Statement{"notifications_clear", "DELETE FROM notifications WHERE account_id = $1"},
};

}  // namespace lox::db::sql
