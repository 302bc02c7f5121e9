#pragma once
// Column lists and predicates shared by the status statements.

#include "db/account_sql.hpp"
#include "db/card_statements.hpp"

#define LOX_STATUS_COLUMNS                                                                         \
  "s.id, s.account_id, s.local, s.uri, s.url, (extract(epoch FROM s.created_at) * 1000)::bigint, " \
  "(extract(epoch FROM s.edited_at) * 1000)::bigint, s.text, s.spoiler_text, s.content, "          \
  "s.visibility, s.sensitive, s.language, s.in_reply_to_id, s.in_reply_to_account_id, "            \
  "s.reblog_of_id, s.application_id, s.replies_count, s.reblogs_count, s.favourites_count"

// Whether the account `v` (0 for a logged-out viewer) may see status `s`: Mastodon's
// StatusPolicy#show? in SQL, so timelines, lists and counts filter in the same query.
#define LOX_VISIBLE_TO(v)                                                                      \
  "(s.account_id = " v                                                                         \
  " OR (NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = "                             \
  "s.account_id AND b.target_account_id = " v ") OR (b.account_id = " v                        \
  " AND b.target_account_id = s.account_id)) AND (s.visibility <= 1 OR EXISTS (SELECT 1 FROM " \
  "mentions m WHERE m.status_id = s.id AND m.account_id = " v                                  \
  ") OR (s.visibility = 2 AND "                                                                \
  "EXISTS (SELECT 1 FROM follows f WHERE f.account_id = " v                                    \
  " AND f.target_account_id = s.account_id)))))"

// Whether status `s` belongs on list `l` of owner `v` as a reply: replies to oneself always,
// others as the list's replies_policy says (followed accounts, list members, or none).
#define LOX_LIST_REPLIES_RULE(v)                                                      \
  "(s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id "     \
  "  OR l.replies_policy = 'followed' AND EXISTS (SELECT 1 FROM follows f WHERE "     \
  "  f.account_id = " v                                                               \
  " AND f.target_account_id = s.in_reply_to_account_id) "                             \
  "  OR l.replies_policy = 'list' AND EXISTS (SELECT 1 FROM list_accounts la2 WHERE " \
  "  la2.list_id = l.id AND la2.account_id = s.in_reply_to_account_id))"

// The columns status_views returns for each status: the status, its author and application,
// mentions (JSON), tags, whether it has a poll, the viewer's own flags, media (JSON), custom emoji
// (JSON) (viewer `v` = 0, logged out, skips them) and whether the viewer has any filters
// (uncorrelated, so evaluated once).
#define LOX_STATUS_VIEW_SELECT(v)                                                                \
  "SELECT " LOX_STATUS_COLUMNS ", " LOX_ACCOUNT_COLUMNS                                          \
  ", app.name, app.website, "                                                                    \
  "(SELECT coalesce(json_agg(json_build_array(ma.id::text, ma.username, ma.domain, ma.url) "     \
  "  ORDER BY ma.id), '[]')::text FROM mentions m JOIN accounts ma ON ma.id = m.account_id "     \
  "  WHERE m.status_id = s.id), "                                                                \
  "ARRAY(SELECT t.name FROM statuses_tags st JOIN tags t ON t.id = st.tag_id "                   \
  "  WHERE st.status_id = s.id ORDER BY t.name)::text, "                                         \
  "EXISTS (SELECT 1 FROM polls p WHERE p.status_id = s.id), " v                                  \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM favourites f WHERE f.status_id = s.id "               \
  "  AND f.account_id = " v "), " v                                                              \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM statuses r WHERE r.reblog_of_id = s.id "              \
  "  AND r.account_id = " v " AND r.deleted_at IS NULL), " v                                     \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM bookmarks b WHERE b.status_id = s.id "                \
  "  AND b.account_id = " v "), " v                                                              \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM status_pins sp WHERE sp.status_id = s.id "            \
  "  AND sp.account_id = " v "), " v                                                             \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM conversation_mutes cm WHERE cm.account_id = " v       \
  "  AND cm.conversation_id = s.conversation_id), " v                                            \
  "::bigint <> 0 AND EXISTS (SELECT 1 FROM custom_filters cf WHERE cf.account_id = " v           \
  "), "                                                                                          \
  "(SELECT coalesce(json_agg(json_build_array(md.id::text, md.kind, md.state, md.content_type, " \
  "  md.file_key, md.small_key, md.description, md.focus_x, md.focus_y, md.meta, md.blurhash, "  \
  "  md.remote_url) "                                                                            \
  "  ORDER BY md.id), '[]')::text FROM media_attachments md WHERE md.status_id = "               \
  "s.id), " LOX_EMOJIS_OF(                                                                       \
      "status_custom_emojis", "status_id", "s.id",                                               \
      "s.has_emojis") ", " LOX_CARD_OF_STATUS                                                    \
                      " FROM statuses s JOIN accounts a ON a.id = s.account_id "                 \
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

namespace lox::db {

inline constexpr int kStatusColumnCount = 20;

}  // namespace lox::db
