#pragma once
// Column lists and predicates shared by the status statements.

#include "db/account_sql.hpp"

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

namespace lox::db {

inline constexpr int kStatusColumnCount = 20;

}  // namespace lox::db
