#pragma once
// Prepared statements for statuses, the social graph, timelines and notifications.

#include "db/statements.hpp"
#include "db/status_sql.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kStatusStatements = {
    Statement{
        "status_insert",
        "INSERT INTO statuses (id, account_id, local, uri, url, text, spoiler_text, content, "
        "visibility, sensitive, language, in_reply_to_id, in_reply_to_account_id, "
        "reblog_of_id, application_id, conversation_id) VALUES ($1, $2, true, $3, $4, $5, $6, "
        "$7, $8, $9, $10, $11, $12, $13, $14, $15)"},
    // A status from another server, stored once however often it is delivered.
    Statement{
        "status_insert_remote",
        "INSERT INTO statuses (id, account_id, local, uri, url, text, spoiler_text, content, "
        "visibility, sensitive, language, in_reply_to_id, in_reply_to_account_id, "
        "conversation_id, reblog_of_id) VALUES ($1, $2, false, $3, $4, '', $5, $6, $7, $8, $9, "
        "$10, $11, $12, $13) ON CONFLICT (uri) WHERE uri IS NOT NULL DO NOTHING"},
    Statement{"status_by_uri",
              "SELECT id, account_id FROM statuses WHERE uri = $1 AND deleted_at IS NULL"},
    Statement{"remote_follower_inboxes",
              "SELECT DISTINCT coalesce(nullif(a.shared_inbox_url, ''), a.inbox_url) "
              "FROM follows f JOIN accounts a ON a.id = f.account_id "
              "WHERE f.target_account_id = $1 AND a.domain IS NOT NULL "
              "AND a.inbox_url IS NOT NULL AND a.suspended_at IS NULL"},
    Statement{"status_reply_count",
              "UPDATE statuses SET replies_count = greatest(replies_count + $2, 0) WHERE id = $1"},
    Statement{"status_reblog_count",
              "UPDATE statuses SET reblogs_count = greatest(reblogs_count + $2, 0) WHERE id = $1"},
    Statement{
        "status_favourite_count",
        "UPDATE statuses SET favourites_count = greatest(favourites_count + $2, 0) WHERE id = $1"},
    Statement{"status_touch_account", "UPDATE accounts SET last_status_at = now() WHERE id = $1"},
    Statement{
        "mention_insert",
        "INSERT INTO mentions (status_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"},
    Statement{"tag_upsert",
              "WITH ins AS (INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING "
              "RETURNING id) SELECT id FROM ins UNION ALL SELECT id FROM tags WHERE name = $1"},
    Statement{
        "status_tag_insert",
        "INSERT INTO statuses_tags (tag_id, status_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"},
    Statement{"status_by_id", "SELECT " LOX_STATUS_COLUMNS
                              " FROM statuses s WHERE s.id = $1 AND s.deleted_at IS NULL"},
    Statement{
        "status_visible",
        "SELECT 1 FROM statuses s WHERE s.id = $1 AND s.deleted_at IS NULL AND " LOX_VISIBLE_TO(
            "$2")},
    // Which of the ids the viewer may see, in one statement.
    Statement{"statuses_visible",
              "SELECT s.id FROM statuses s WHERE s.id = ANY($1::bigint[]) "
              "AND s.deleted_at IS NULL AND " LOX_VISIBLE_TO("$2")},
    // Everything a page of statuses shows, in one statement (see LOX_STATUS_VIEW_SELECT).
    Statement{"status_views", LOX_STATUS_VIEW_SELECT("$2") " WHERE s.id = ANY($1::bigint[]) "
                                                           "AND s.deleted_at IS NULL"},
    // A page of the home or public timeline read and rendered in one round trip: the page
    // query (LOX_HOME_PAGE, LOX_PUBLIC_PAGE) inside status_views. The _up forms serve min_id.
    LOX_PAGED_VIEWS("home_views", LOX_HOME_PAGE),
    LOX_PAGED_VIEWS("public_views", LOX_PUBLIC_PAGE),
    Statement{"status_soft_delete",
              "UPDATE statuses SET deleted_at = now() WHERE (id = $1 OR reblog_of_id = $1) "
              "AND deleted_at IS NULL RETURNING id"},
    Statement{"status_conversation", "SELECT conversation_id FROM statuses WHERE id = $1"},
    Statement{"status_ancestors",
              "WITH RECURSIVE up(id, parent, depth) AS ("
              "  SELECT id, in_reply_to_id, 0 FROM statuses WHERE id = $1 "
              "  UNION ALL SELECT s.id, s.in_reply_to_id, up.depth + 1 FROM statuses s "
              "  JOIN up ON s.id = up.parent WHERE up.depth < 40) "
              "SELECT s.id FROM up JOIN statuses s ON s.id = up.id WHERE up.id <> $1 "
              "AND s.deleted_at IS NULL AND " LOX_VISIBLE_TO("$2") " ORDER BY s.id"},
    Statement{"status_descendants",
              "WITH RECURSIVE down(id, depth) AS ("
              "  SELECT id, 0 FROM statuses WHERE id = $1 "
              "  UNION ALL SELECT s.id, down.depth + 1 FROM statuses s JOIN down "
              "  ON s.in_reply_to_id = down.id WHERE down.depth < 60) "
              "SELECT s.id FROM down JOIN statuses s ON s.id = down.id WHERE down.id <> $1 "
              "AND s.deleted_at IS NULL AND " LOX_VISIBLE_TO("$2") " ORDER BY s.id LIMIT 60"},
    Statement{"favourite_insert",
              "INSERT INTO favourites (id, account_id, status_id) VALUES ($1, $2, $3) "
              "ON CONFLICT DO NOTHING"},
    Statement{"favourite_delete",
              "DELETE FROM favourites WHERE account_id = $1 AND status_id = $2"},
    Statement{"bookmark_insert",
              "INSERT INTO bookmarks (id, account_id, status_id) VALUES ($1, $2, $3) "
              "ON CONFLICT DO NOTHING"},
    Statement{"bookmark_delete", "DELETE FROM bookmarks WHERE account_id = $1 AND status_id = $2"},
    Statement{"reblog_of_account",
              "SELECT id FROM statuses WHERE reblog_of_id = $1 AND account_id = $2 "
              "AND deleted_at IS NULL"},
    Statement{"idempotency_get",
              "SELECT status_id FROM status_idempotency WHERE account_id = $1 AND key = $2 "
              "AND created_at > now() - interval '1 hour'"},
    Statement{"idempotency_put",
              "INSERT INTO status_idempotency (account_id, key, status_id) VALUES ($1, $2, $3) "
              "ON CONFLICT (account_id, key) DO UPDATE SET status_id = $3, created_at = now()"},
    // --- fan-out and timelines ------------------------------------------------------------
    // Local followers (and the author) get the status in their home feed; direct statuses go
    // only to the author and the mentioned. Followers who block or mute the author are skipped.
    Statement{
        "fan_out",
        "INSERT INTO home_feed (account_id, status_id) "
        "SELECT a.id, s.id FROM statuses s JOIN accounts a ON a.domain IS NULL AND ("
        "  a.id = s.account_id "
        "  OR (s.visibility <> 3 AND EXISTS (SELECT 1 FROM follows f WHERE f.account_id = a.id "
        "      AND f.target_account_id = s.account_id "
        "      AND (s.reblog_of_id IS NULL OR f.show_reblogs) "
        "      AND (s.reblog_of_id IS NOT NULL OR f.languages IS NULL OR s.language IS NULL "
        "           OR s.language = ANY (f.languages)))) "
        "  OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = a.id "
        "      AND (s.visibility = 3 OR EXISTS (SELECT 1 FROM follows f2 WHERE "
        "      f2.account_id = a.id AND f2.target_account_id = s.account_id)))) "
        "WHERE s.id = $1 AND s.deleted_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = a.id "
        "  AND b.target_account_id = s.account_id) "
        "AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = a.id "
        "  AND mu.target_account_id = s.account_id AND a.id <> s.account_id) "
        "ON CONFLICT DO NOTHING"},
    // Pages: newest first; $2 = max_id (exclusive), $3 = since_id (exclusive), $4 = limit.
    // min_id pages read ascending from $3 and are reversed by the caller.
    LOX_PAGED_STATEMENTS(
        "account_page",
        "SELECT s.id FROM statuses s WHERE s.account_id = $5 AND s.deleted_at IS NULL "
        "AND s.id < $2 AND s.id > $3 AND " LOX_VISIBLE_TO(
            "$1") " AND ($6 = false OR s.reblog_of_id IS NULL) "
                  "AND ($7 = false OR s.in_reply_to_id IS NULL OR s.in_reply_to_account_id = "
                  "s.account_id) "
                  "AND ($8 = false OR EXISTS (SELECT 1 FROM media_attachments md "
                  "  WHERE md.status_id = s.id))",
        "s.id"),
    // --- follows -------------------------------------------------------------------------
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
    // --- lists of statuses and accounts keyed by their join rows ----------------------------
    Statement{"favourites_page",
              "SELECT f.id, f.status_id FROM favourites f JOIN statuses s ON s.id = f.status_id "
              "WHERE f.account_id = $1 AND f.id < $2 AND f.id > $3 AND s.deleted_at IS NULL "
              "AND " LOX_VISIBLE_TO("$1") " ORDER BY f.id DESC LIMIT $4"},
    Statement{"bookmarks_page",
              "SELECT b.id, b.status_id FROM bookmarks b JOIN statuses s ON s.id = b.status_id "
              "WHERE b.account_id = $1 AND b.id < $2 AND b.id > $3 AND s.deleted_at IS NULL "
              "AND " LOX_VISIBLE_TO("$1") " ORDER BY b.id DESC LIMIT $4"},
    Statement{"reblogged_by_page",
              "SELECT r.id, r.account_id FROM statuses r JOIN accounts a ON a.id = r.account_id "
              "WHERE r.reblog_of_id = $1 AND r.deleted_at IS NULL AND a.suspended_at IS NULL "
              "AND r.id < $2 AND r.id > $3 ORDER BY r.id DESC LIMIT $4"},
    Statement{"favourited_by_page",
              "SELECT f.id, f.account_id FROM favourites f JOIN accounts a ON a.id = f.account_id "
              "WHERE f.status_id = $1 AND a.suspended_at IS NULL AND f.id < $2 AND f.id > $3 "
              "ORDER BY f.id DESC LIMIT $4"},
    Statement{"blocks_page",
              "SELECT b.id, b.target_account_id FROM blocks b WHERE b.account_id = $1 "
              "AND b.id < $2 AND b.id > $3 ORDER BY b.id DESC LIMIT $4"},
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
    Statement{"mutes_page",
              "SELECT m.id, m.target_account_id FROM mutes m WHERE m.account_id = $1 "
              "AND (m.expires_at IS NULL OR m.expires_at > now()) "
              "AND m.id < $2 AND m.id > $3 ORDER BY m.id DESC LIMIT $4"},
    // $5: the tag and any[] (one of them), $7: all[] (every one), $8: none[] (none of them).
    Statement{
        "tag_page",
        "SELECT DISTINCT s.id FROM statuses s JOIN statuses_tags st ON st.status_id = s.id "
        "JOIN tags t ON t.id = st.tag_id WHERE t.name = ANY ($5::text[]) AND s.visibility = 0 "
        "AND s.reblog_of_id IS NULL AND s.deleted_at IS NULL AND s.id < $2 AND s.id > $3 "
        "AND ($6 = false OR s.local) "
        "AND ($9 = false OR EXISTS (SELECT 1 FROM media_attachments md "
        "  WHERE md.status_id = s.id)) "
        "AND (cardinality($7::text[]) = 0 OR (SELECT count(DISTINCT t2.name) FROM "
        "  statuses_tags st2 JOIN tags t2 ON t2.id = st2.tag_id WHERE st2.status_id = s.id "
        "  AND t2.name = ANY ($7::text[])) = cardinality($7::text[])) "
        "AND NOT EXISTS (SELECT 1 FROM statuses_tags st3 JOIN tags t3 ON t3.id = st3.tag_id "
        "  WHERE st3.status_id = s.id AND t3.name = ANY ($8::text[])) "
        "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = $1 AND "
        "  b.target_account_id = s.account_id) OR (b.account_id = s.account_id AND "
        "  b.target_account_id = $1)) "
        "AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = $1 AND "
        "  mu.target_account_id = s.account_id) "
        "ORDER BY s.id DESC LIMIT $4"},
    Statement{"pinned_ids",
              "SELECT p.status_id FROM status_pins p JOIN statuses s ON s.id = p.status_id "
              "WHERE p.account_id = $1 AND s.deleted_at IS NULL AND " LOX_VISIBLE_TO(
                  "$2") " ORDER BY p.created_at DESC"},
    Statement{
        "pin_insert",
        "INSERT INTO status_pins (account_id, status_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"},
    Statement{"pin_delete", "DELETE FROM status_pins WHERE account_id = $1 AND status_id = $2"},
    Statement{"pin_count", "SELECT count(*) FROM status_pins WHERE account_id = $1"},
    Statement{"conversation_mute_insert",
              "INSERT INTO conversation_mutes (account_id, conversation_id) VALUES ($1, $2) "
              "ON CONFLICT DO NOTHING"},
    Statement{"conversation_mute_delete",
              "DELETE FROM conversation_mutes WHERE account_id = $1 AND conversation_id = $2"},
    // --- edits ---------------------------------------------------------------------------
    Statement{"status_edit_snapshot",
              "INSERT INTO status_edits (id, status_id, text, spoiler_text, content, sensitive, "
              "created_at) "
              "SELECT $2, s.id, s.text, s.spoiler_text, s.content, s.sensitive, "
              "coalesce(s.edited_at, s.created_at) FROM statuses s WHERE s.id = $1"},
    Statement{"status_update",
              "UPDATE statuses SET text = $2, spoiler_text = $3, content = $4, sensitive = $5, "
              "language = $6, edited_at = now(), updated_at = now() WHERE id = $1"},
    Statement{"status_mentions_clear", "DELETE FROM mentions WHERE status_id = $1"},
    Statement{"status_tags_clear", "DELETE FROM statuses_tags WHERE status_id = $1"},
    Statement{"status_edits",
              "SELECT text, spoiler_text, content, sensitive, "
              "(extract(epoch FROM created_at) * 1000)::bigint FROM status_edits "
              "WHERE status_id = $1 ORDER BY id"},
    // --- polls ---------------------------------------------------------------------------
    Statement{
        "poll_insert",
        "INSERT INTO polls (id, status_id, account_id, options, multiple, hide_totals, expires_at) "
        "VALUES ($1, $2, $3, $4::text[], $5, $6, now() + make_interval(secs => $7))"},
    Statement{"poll_set_remote_counts",
              "UPDATE polls SET remote_counts = $2::bigint[], remote_voters = $3, "
              "expires_at = now() + make_interval(secs => $4) WHERE status_id = $1"},
    // Polls of the given statuses with per-option counts, voters and the viewer's own choices.
    Statement{
        "status_polls",
        "SELECT p.id, p.status_id, p.options::text, p.multiple, p.hide_totals, "
        "(extract(epoch FROM p.expires_at) * 1000)::bigint, coalesce(p.expires_at <= now(), "
        "false), "
        "(SELECT coalesce(array_agg(cnt ORDER BY i), '{}')::text FROM (SELECT i, "
        "  CASE WHEN p.remote_counts IS NOT NULL THEN coalesce(p.remote_counts[i], 0) ELSE "
        "  (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id AND v.choice = i - 1) END "
        "  AS cnt FROM generate_subscripts(p.options, 1) i) c), "
        "CASE WHEN p.remote_counts IS NOT NULL THEN (SELECT coalesce(sum(x), 0)::bigint FROM "
        "  unnest(p.remote_counts) x) ELSE "
        "(SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id) END, "
        "CASE WHEN p.remote_counts IS NOT NULL THEN coalesce(p.remote_voters, 0) ELSE "
        "(SELECT count(DISTINCT v.account_id) FROM poll_votes v WHERE v.poll_id = p.id) END, "
        "(SELECT coalesce(array_agg(v.choice ORDER BY v.choice), '{}')::text FROM poll_votes v "
        "  WHERE v.poll_id = p.id AND v.account_id = $2) "
        "FROM polls p WHERE p.status_id = ANY($1::bigint[])"},
    Statement{"poll_by_id",
              "SELECT p.status_id, p.account_id, array_length(p.options, 1), p.multiple, "
              "coalesce(p.expires_at <= now(), false), "
              "EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.account_id = $2) "
              "FROM polls p WHERE p.id = $1 FOR UPDATE"},
    Statement{"poll_vote_insert",
              "INSERT INTO poll_votes (id, poll_id, account_id, choice) VALUES ($1, $2, $3, $4) "
              "ON CONFLICT DO NOTHING"},
    Statement{"poll_voters", "SELECT DISTINCT account_id FROM poll_votes WHERE poll_id = $1"},
    Statement{"poll_of_status", "SELECT id, account_id FROM polls WHERE status_id = $1"},
    // --- lists ---------------------------------------------------------------------------
    Statement{"list_insert",
              "INSERT INTO lists (id, account_id, title, replies_policy, exclusive) "
              "VALUES ($1, $2, $3, $4, $5)"},
    Statement{
        "lists_of",
        "SELECT id, title, replies_policy, exclusive FROM lists WHERE account_id = $1 ORDER BY id"},
    Statement{
        "list_get",
        "SELECT id, title, replies_policy, exclusive FROM lists WHERE account_id = $1 AND id = $2"},
    Statement{"list_update",
              "UPDATE lists SET title = $3, replies_policy = $4, exclusive = $5 "
              "WHERE account_id = $1 AND id = $2"},
    Statement{"list_delete", "DELETE FROM lists WHERE account_id = $1 AND id = $2"},
    Statement{"list_members",
              "SELECT la.account_id, la.account_id FROM list_accounts la JOIN lists l ON l.id = "
              "la.list_id "
              "WHERE l.account_id = $1 AND l.id = $2 AND la.account_id < $3 AND la.account_id > $4 "
              "ORDER BY la.account_id DESC LIMIT $5"},
    // Only accounts one follows may join a list, as in Mastodon.
    Statement{"list_add_member",
              "INSERT INTO list_accounts (list_id, account_id) SELECT l.id, $3 FROM lists l "
              "WHERE l.account_id = $1 AND l.id = $2 AND EXISTS (SELECT 1 FROM follows f "
              "WHERE f.account_id = $1 AND f.target_account_id = $3) ON CONFLICT DO NOTHING"},
    Statement{
        "list_remove_member",
        "DELETE FROM list_accounts la USING lists l WHERE la.list_id = l.id AND l.account_id = $1 "
        "AND l.id = $2 AND la.account_id = $3"},
    Statement{
        "lists_with_member",
        "SELECT l.id, l.title, l.replies_policy, l.exclusive FROM lists l JOIN list_accounts la "
        "ON la.list_id = l.id WHERE l.account_id = $1 AND la.account_id = $2 ORDER BY l.id"},
    Statement{"list_page",
              "SELECT s.id FROM statuses s JOIN list_accounts la ON la.account_id = s.account_id "
              "JOIN lists l ON l.id = la.list_id WHERE l.id = $5 AND l.account_id = $1 "
              "AND s.deleted_at IS NULL AND s.id < $2 AND s.id > $3 AND " LOX_VISIBLE_TO(
                  "$1") " AND " LOX_LIST_REPLIES_RULE("$1") " ORDER BY s.id DESC LIMIT $4"},
    // --- search --------------------------------------------------------------------------
    Statement{
        "search_accounts",
        "SELECT a.id FROM accounts a WHERE a.suspended_at IS NULL "
        "AND (lower(a.username) LIKE $6 || '%' OR lower(a.display_name) LIKE '%' || $6 || '%') "
        "AND ($2::bigint = 0 OR EXISTS (SELECT 1 FROM follows f WHERE f.account_id = $2 "
        "  AND f.target_account_id = a.id) OR NOT $3) "
        "ORDER BY (lower(a.username) = $1) DESC, a.followers_count DESC, a.id "
        "LIMIT $4 OFFSET $5"},
    Statement{"search_tags",
              "SELECT name FROM tags WHERE name LIKE $4 || '%' ORDER BY (name = $1) DESC, "
              "length(name), name LIMIT $2 OFFSET $3"},
    Statement{"search_statuses",
              "SELECT s.id FROM statuses s WHERE s.deleted_at IS NULL AND s.reblog_of_id IS NULL "
              "AND to_tsvector('simple', s.text) @@ plainto_tsquery('simple', $1) "
              "AND ($4::bigint = 0 OR s.account_id = $4) AND " LOX_VISIBLE_TO(
                  "$2") " ORDER BY s.id DESC LIMIT $3 OFFSET $5"},
    // --- followed and featured tags, domain blocks ----------------------------------------
    Statement{"tag_follow",
              "INSERT INTO followed_tags (id, account_id, tag_id) SELECT $1, $2, t.id FROM tags t "
              "WHERE t.name = $3 ON CONFLICT DO NOTHING"},
    Statement{
        "tag_unfollow",
        "DELETE FROM followed_tags ft USING tags t WHERE ft.tag_id = t.id AND ft.account_id = $1 "
        "AND t.name = $2"},
    Statement{
        "tag_info",
        "SELECT t.id, t.name, EXISTS (SELECT 1 FROM followed_tags ft WHERE ft.tag_id = t.id "
        "AND ft.account_id = $2), EXISTS (SELECT 1 FROM featured_tags f WHERE f.tag_id = t.id "
        "AND f.account_id = $2) FROM tags t WHERE t.name = $1"},
    Statement{
        "followed_tags_page",
        "SELECT ft.id, t.name FROM followed_tags ft JOIN tags t ON t.id = ft.tag_id "
        "WHERE ft.account_id = $1 AND ft.id < $2 AND ft.id > $3 ORDER BY ft.id DESC LIMIT $4"},
    // Statuses with a followed tag reach the follower's home feed too.
    Statement{
        "fan_out_tags",
        "INSERT INTO home_feed (account_id, status_id) SELECT DISTINCT ft.account_id, s.id "
        "FROM statuses s JOIN statuses_tags st ON st.status_id = s.id "
        "JOIN followed_tags ft ON ft.tag_id = st.tag_id JOIN accounts a ON a.id = ft.account_id "
        "WHERE s.id = $1 AND s.visibility = 0 AND a.domain IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = ft.account_id AND "
        "  b.target_account_id = s.account_id) OR (b.account_id = s.account_id AND "
        "  b.target_account_id = ft.account_id)) "
        "AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = ft.account_id "
        "  AND mu.target_account_id = s.account_id) ON CONFLICT DO NOTHING"},
    // Followers who asked to be notified (follow with notify=true) get a "status" notification.
    Statement{
        "notify_subscribers",
        "SELECT f.account_id FROM follows f JOIN statuses s ON s.account_id = f.target_account_id "
        "WHERE s.id = $1 AND f.notify AND s.visibility <= 2 AND s.reblog_of_id IS NULL"},
    // Who boosted a status: told about its edits ("update").
    Statement{
        "rebloggers_of",
        "SELECT DISTINCT account_id FROM statuses WHERE reblog_of_id = $1 AND deleted_at IS NULL"},
    Statement{"featured_tag_add",
              "INSERT INTO featured_tags (id, account_id, tag_id) VALUES ($1, $2, $3) "
              "ON CONFLICT DO NOTHING"},
    Statement{"featured_tag_remove", "DELETE FROM featured_tags WHERE account_id = $1 AND id = $2"},
    Statement{"featured_tags_of",
              "SELECT f.id, t.name, (SELECT count(*) FROM statuses_tags st JOIN statuses s ON "
              "s.id = st.status_id WHERE st.tag_id = t.id AND s.account_id = f.account_id AND "
              "s.deleted_at IS NULL AND s.visibility = 0), (SELECT (extract(epoch FROM "
              "max(s.created_at)) "
              "* 1000)::bigint FROM statuses_tags st JOIN statuses s ON s.id = st.status_id WHERE "
              "st.tag_id = t.id AND s.account_id = f.account_id AND s.deleted_at IS NULL) "
              "FROM featured_tags f JOIN tags t ON t.id = f.tag_id WHERE f.account_id = $1 ORDER "
              "BY f.id"},
    // The author's most used hashtags that are not featured yet.
    Statement{"featured_tag_suggestions",
              "SELECT t.name FROM statuses_tags st JOIN statuses s ON s.id = st.status_id "
              "JOIN tags t ON t.id = st.tag_id WHERE s.account_id = $1 AND s.deleted_at IS NULL "
              "AND NOT EXISTS (SELECT 1 FROM featured_tags f WHERE f.account_id = $1 AND "
              "f.tag_id = t.id) GROUP BY t.name ORDER BY count(*) DESC, t.name LIMIT 10"},
    Statement{
        "domain_block_add",
        "INSERT INTO account_domain_blocks (id, account_id, domain) VALUES ($1, $2, lower($3)) "
        "ON CONFLICT DO NOTHING"},
    Statement{"domain_block_remove",
              "DELETE FROM account_domain_blocks WHERE account_id = $1 AND domain = lower($2)"},
    Statement{"domain_blocks_page",
              "SELECT id, domain FROM account_domain_blocks WHERE account_id = $1 AND id < $2 "
              "AND id > $3 ORDER BY id DESC LIMIT $4"},
    Statement{"unread_notifications",
              "SELECT count(*) FROM (SELECT 1 FROM notifications n WHERE n.account_id = $1 AND "
              "n.id > coalesce((SELECT last_read_id FROM markers WHERE account_id = $1 AND "
              "timeline = 'notifications'), 0) LIMIT $2) x"},
    // --- markers -------------------------------------------------------------------------
    Statement{
        "markers_get",
        "SELECT timeline, last_read_id, version, (extract(epoch FROM updated_at) * 1000)::bigint "
        "FROM markers WHERE account_id = $1 AND timeline = ANY($2::text[])"},
    Statement{"marker_set",
              "INSERT INTO markers (account_id, timeline, last_read_id) VALUES ($1, $2, $3) "
              "ON CONFLICT (account_id, timeline) DO UPDATE SET last_read_id = $3, "
              "version = markers.version + 1, updated_at = now()"},
    // --- notifications -------------------------------------------------------------------
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
