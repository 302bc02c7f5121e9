#pragma once
// Prepared statements of statuses: posting and editing, reading and rendering, timelines,
// favourites, boosts, bookmarks, pins, polls and markers (status_repository.cpp).

#include "db/sql_fragments.hpp"
#include "db/statement.hpp"

#include <array>

// A status's columns in the order read_status reads them (status_repository.cpp counts them).
#define LOX_STATUS_COLUMNS                                                                         \
  "s.id, s.account_id, s.local, s.uri, s.url, (extract(epoch FROM s.created_at) * 1000)::bigint, " \
  "(extract(epoch FROM s.edited_at) * 1000)::bigint, s.text, s.spoiler_text, s.content, "          \
  "s.visibility, s.sensitive, s.language, s.in_reply_to_id, s.in_reply_to_account_id, "            \
  "s.reblog_of_id, s.application_id, s.replies_count, s.reblogs_count, s.favourites_count"

// The card of status `s` as one JSON array (NULL without one: has_card spares most rows the
// lookup), for the view queries; the order is what PreviewCardRepository::from_json reads.
#define LOX_CARD_OF_STATUS                                                                      \
  "CASE WHEN s.has_card THEN (SELECT json_build_array(c.url, c.title, c.description, c.type, "  \
  "c.author_name, "                                                                             \
  "  c.author_url, c.provider_name, c.provider_url, c.html, c.width, c.height, c.image_key, "   \
  "  c.image_width, c.image_height, c.image_description, c.blurhash, c.embed_url, c.language, " \
  "  c.published_at)::text FROM status_preview_cards sc "                                       \
  "  JOIN preview_cards c ON c.id = sc.preview_card_id WHERE sc.status_id = s.id) END"

// The columns status_views returns for each status: the status, its author and application,
// mentions (JSON), tags, whether it has a poll, the viewer's own flags, media (JSON), custom emoji
// (JSON) (viewer `v` = 0, logged out, skips them) and whether the viewer has any filters
// (uncorrelated, so evaluated once). The has_* hints (migrations 0026, 0044) spare most rows the
// lookups of what they do not have.
#define LOX_STATUS_VIEW_SELECT(v)                                                                 \
  "SELECT " LOX_STATUS_COLUMNS ", " LOX_ACCOUNT_COLUMNS                                           \
  ", app.name, app.website, "                                                                     \
  "CASE WHEN s.has_mentions THEN (SELECT coalesce(json_agg(json_build_array(ma.id::text, "        \
  "  ma.username, ma.domain, ma.url) ORDER BY ma.id), '[]')::text FROM mentions m "               \
  "  JOIN accounts ma ON ma.id = m.account_id WHERE m.status_id = s.id) ELSE '[]' END, "          \
  "CASE WHEN s.has_tags THEN ARRAY(SELECT t.name FROM statuses_tags st JOIN tags t "              \
  "  ON t.id = st.tag_id WHERE st.status_id = s.id ORDER BY t.name)::text ELSE '{}' END, "        \
  "s.has_poll AND EXISTS (SELECT 1 FROM polls p WHERE p.status_id = s.id), " v                    \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM favourites f WHERE f.status_id = s.id "                \
  "  AND f.account_id = " v "), " v                                                               \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM statuses r WHERE r.reblog_of_id = s.id "               \
  "  AND r.account_id = " v " AND r.deleted_at IS NULL), " v                                      \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM bookmarks b WHERE b.status_id = s.id "                 \
  "  AND b.account_id = " v "), " v                                                               \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM status_pins sp WHERE sp.status_id = s.id "             \
  "  AND sp.account_id = " v "), " v                                                              \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM conversation_mutes cm WHERE cm.account_id = " v        \
  "  AND cm.conversation_id = s.conversation_id), " v                                             \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM custom_filters cf WHERE cf.account_id = " v            \
  "), "                                                                                           \
  "CASE WHEN s.has_media THEN (SELECT coalesce(json_agg(json_build_array(md.id::text, "           \
  "  md.kind, md.state, md.content_type, md.file_key, md.small_key, md.description, md.focus_x, " \
  "  md.focus_y, md.meta, md.blurhash, md.remote_url) ORDER BY md.id), '[]')::text "              \
  "  FROM media_attachments md WHERE md.status_id = s.id) ELSE '[]' END, " LOX_EMOJIS_OF(         \
      "status_custom_emojis", "status_id", "s.id",                                                \
      "s.has_emojis") ", " LOX_CARD_OF_STATUS                                                     \
                      " FROM statuses s JOIN accounts a ON a.id = s.account_id "                  \
                      "LEFT JOIN oauth_applications app ON app.id = s.application_id"

// One page of a home feed ($1 account, $2 max_id, $3 since_id or min_id, $4 limit).
#define LOX_HOME_PAGE(order)                                                     \
  "SELECT h.status_id FROM home_feed h JOIN statuses hs ON hs.id = h.status_id " \
  "WHERE h.account_id = $1 AND h.status_id < $2 AND h.status_id > $3 "           \
  "AND hs.deleted_at IS NULL ORDER BY h.status_id " order " LIMIT $4"

// One page of the public timeline ($1 viewer, $2-$4 as above, $5 scope: 0 all, 1 local,
// 2 remote, $6 only statuses with media), without boosts, blocked or muted authors.
#define LOX_PUBLIC_PAGE(order)                                                                  \
  "SELECT ps.id FROM statuses ps WHERE ps.visibility = 0 AND ps.reblog_of_id IS NULL "          \
  "AND ps.deleted_at IS NULL AND ps.id < $2 AND ps.id > $3 "                                    \
  "AND ($5 = 0 OR ($5 = 1 AND ps.local) OR ($5 = 2 AND NOT ps.local)) "                         \
  "AND ($6 = false OR EXISTS (SELECT 1 FROM media_attachments md WHERE md.status_id = ps.id)) " \
  "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = $1 AND "                        \
  "  b.target_account_id = ps.account_id) OR (b.account_id = ps.account_id AND "                \
  "  b.target_account_id = $1)) "                                                               \
  "AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = $1 "                            \
  "  AND mu.target_account_id = ps.account_id) "                                                \
  "ORDER BY ps.id " order " LIMIT $4"

// A home or public page read and rendered in one round trip, in both paging directions (see
// LOX_PAGED_STATEMENTS): `page` is LOX_HOME_PAGE or LOX_PUBLIC_PAGE.
#define LOX_PAGED_VIEWS(name, page)                                                               \
  ::lox::db::sql::Statement{                                                                      \
      name, LOX_STATUS_VIEW_SELECT("$1") " WHERE s.id IN (" page("DESC") ") ORDER BY s.id DESC"}, \
      ::lox::db::sql::Statement {                                                                 \
    name "_up", LOX_STATUS_VIEW_SELECT("$1") " WHERE s.id IN (" page("ASC") ") ORDER BY s.id ASC" \
  }

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
    Statement{"mentioned_accounts",
              "SELECT account_id FROM mentions WHERE status_id = $1 ORDER BY account_id"},
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
    // --- markers -------------------------------------------------------------------------
    Statement{
        "markers_get",
        "SELECT timeline, last_read_id, version, (extract(epoch FROM updated_at) * 1000)::bigint "
        "FROM markers WHERE account_id = $1 AND timeline = ANY($2::text[])"},
    Statement{"marker_set",
              "INSERT INTO markers (account_id, timeline, last_read_id) VALUES ($1, $2, $3) "
              "ON CONFLICT (account_id, timeline) DO UPDATE SET last_read_id = $3, "
              "version = markers.version + 1, updated_at = now()"},
};

}  // namespace lox::db::sql
