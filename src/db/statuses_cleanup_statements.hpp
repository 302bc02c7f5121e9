#pragma once
// Prepared statements for automatic deletion of old posts
// (statuses_cleanup_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

#define LOX_CLEANUP_COLUMNS                                                          \
  "account_id, enabled, min_status_age_days, keep_direct, keep_pinned, keep_polls, " \
  "keep_media, keep_self_fav, keep_self_bookmark, min_favs, min_reblogs"

inline constexpr std::array kStatusesCleanupStatements = {
    Statement{"cleanup_policy_find", "SELECT " LOX_CLEANUP_COLUMNS
                                     " FROM statuses_cleanup_policies WHERE account_id = $1"},
    Statement{"cleanup_policy_upsert",
              "INSERT INTO statuses_cleanup_policies (" LOX_CLEANUP_COLUMNS
              ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (account_id) "
              "DO UPDATE SET enabled = excluded.enabled, min_status_age_days = "
              "excluded.min_status_age_days, keep_direct = excluded.keep_direct, keep_pinned = "
              "excluded.keep_pinned, keep_polls = excluded.keep_polls, keep_media = "
              "excluded.keep_media, keep_self_fav = excluded.keep_self_fav, keep_self_bookmark = "
              "excluded.keep_self_bookmark, min_favs = excluded.min_favs, min_reblogs = "
              "excluded.min_reblogs, updated_at = now()"},
    // A policy runs at most once in 50 minutes (the hourly job, with room for its jitter);
    // skips policies another process is taking at the same moment.
    Statement{"cleanup_policies_take_due",
              "UPDATE statuses_cleanup_policies p SET last_run_at = now() FROM (SELECT account_id "
              "FROM statuses_cleanup_policies WHERE enabled AND (last_run_at IS NULL OR "
              "last_run_at < now() - interval '50 minutes') ORDER BY last_run_at NULLS FIRST "
              "LIMIT $1 FOR UPDATE SKIP LOCKED) due WHERE p.account_id = due.account_id "
              "RETURNING p.account_id, p.enabled, p.min_status_age_days, p.keep_direct, "
              "p.keep_pinned, p.keep_polls, p.keep_media, p.keep_self_fav, "
              "p.keep_self_bookmark, p.min_favs, p.min_reblogs"},
    // $2 days; $3..$8 the keep_* options; $9, $10 the minimum favourites and boosts that keep
    // a post (NULL: none); visibility 3 is direct.
    Statement{"cleanup_candidates",
              "SELECT s.id FROM statuses s WHERE s.account_id = $1 AND s.local AND s.deleted_at "
              "IS NULL AND s.created_at < now() - make_interval(days => $2) "
              "AND NOT ($3 AND s.visibility = 3) "
              "AND NOT ($4 AND EXISTS (SELECT 1 FROM status_pins p WHERE p.status_id = s.id AND "
              "p.account_id = s.account_id)) "
              "AND NOT ($5 AND EXISTS (SELECT 1 FROM polls o WHERE o.status_id = s.id)) "
              "AND NOT ($6 AND EXISTS (SELECT 1 FROM media_attachments m WHERE m.status_id = "
              "s.id)) "
              "AND NOT ($7 AND EXISTS (SELECT 1 FROM favourites f WHERE f.status_id = s.id AND "
              "f.account_id = s.account_id)) "
              "AND NOT ($8 AND EXISTS (SELECT 1 FROM bookmarks b WHERE b.status_id = s.id AND "
              "b.account_id = s.account_id)) "
              "AND ($9::integer IS NULL OR s.favourites_count < $9) "
              "AND ($10::integer IS NULL OR s.reblogs_count < $10) "
              "ORDER BY s.id LIMIT $11"},
};

#undef LOX_CLEANUP_COLUMNS

}  // namespace lox::db::sql
