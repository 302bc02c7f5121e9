#pragma once
// Prepared statements for what each account keeps for itself: conversations, filters and
// scheduled statuses.

#include "db/statements.hpp"

#include <array>

#define LOX_FILTER_COLUMNS                             \
  "f.id, f.title, f.contexts::text, f.filter_action, " \
  "(extract(epoch FROM f.expires_at) * 1000)::bigint"

#define LOX_MEDIA_COLUMNS                                                                   \
  "id, account_id, status_id, kind, state, content_type, upload_key, file_key, small_key, " \
  "file_size, description, focus_x, focus_y, meta::text, blurhash, remote_url"

#define LOX_SCHEDULED_COLUMNS                                                         \
  "id, account_id, (extract(epoch FROM scheduled_at) * 1000)::bigint, params::text, " \
  "idempotency_key"

namespace lox::db::sql {

inline constexpr std::array kPersonalStatements = {
    // --- conversations ----------------------------------------------------------------------
    Statement{
        "conversation_add",
        "WITH s AS (SELECT id, account_id, conversation_id FROM statuses "
        "  WHERE id = $1 AND visibility = 3 AND reblog_of_id IS NULL AND deleted_at IS NULL), "
        "everyone AS (SELECT account_id FROM s "
        "  UNION SELECT m.account_id FROM mentions m WHERE m.status_id = $1), "
        "recipients AS (SELECT e.account_id FROM everyone e JOIN accounts a ON a.id = e.account_id "
        "  CROSS JOIN s WHERE a.domain IS NULL AND (e.account_id = s.account_id OR ("
        "  NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = e.account_id "
        "    AND b.target_account_id = s.account_id) "
        "  AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = e.account_id "
        "    AND mu.target_account_id = s.account_id)))) "
        "INSERT INTO account_conversations AS ac (account_id, conversation_id, "
        "  participant_account_ids, status_ids, last_status_id, unread) "
        "SELECT r.account_id, s.conversation_id, "
        "  ARRAY(SELECT e.account_id FROM everyone e WHERE e.account_id <> r.account_id "
        "    ORDER BY e.account_id), ARRAY[s.id], s.id, r.account_id <> s.account_id "
        "FROM recipients r CROSS JOIN s "
        "ON CONFLICT (account_id, conversation_id, participant_account_ids) DO UPDATE "
        "SET status_ids = ac.status_ids || EXCLUDED.status_ids, "
        "  last_status_id = greatest(ac.last_status_id, EXCLUDED.last_status_id), "
        "  unread = EXCLUDED.unread "
        "WHERE NOT (EXCLUDED.last_status_id = ANY(ac.status_ids))"},
    Statement{"conversation_remove_status",
              "UPDATE account_conversations SET status_ids = array_remove(status_ids, $1), "
              "last_status_id = coalesce((SELECT max(x) FROM unnest(status_ids) x WHERE x <> $1), "
              "  last_status_id) "
              "WHERE conversation_id = (SELECT conversation_id FROM statuses WHERE id = $1) "
              "AND $1 = ANY(status_ids)"},
    Statement{"conversation_drop_empty",
              "DELETE FROM account_conversations "
              "WHERE conversation_id = (SELECT conversation_id FROM statuses WHERE id = $1) "
              "AND cardinality(status_ids) = 0"},
    LOX_PAGED_STATEMENTS("conversations_page",
                         "SELECT id, participant_account_ids::text, last_status_id, unread "
                         "FROM account_conversations WHERE account_id = $1 "
                         "AND last_status_id < $2 AND last_status_id > $3",
                         "last_status_id"),
    Statement{"conversation_get",
              "SELECT id, participant_account_ids::text, last_status_id, unread "
              "FROM account_conversations WHERE account_id = $1 AND id = $2"},
    Statement{"conversation_read",
              "UPDATE account_conversations SET unread = false WHERE account_id = $1 AND id = $2"},
    Statement{"conversation_delete",
              "DELETE FROM account_conversations WHERE account_id = $1 AND id = $2"},
    // --- scheduled statuses -------------------------------------------------------------
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
    // --- filters ------------------------------------------------------------------------
    Statement{"filter_insert",
              "INSERT INTO custom_filters (id, account_id, title, contexts, filter_action, "
              "expires_at) VALUES ($1, $2, $3, $4::text[], $5, "
              "to_timestamp($6::bigint / 1000.0))"},
    Statement{"filter_update",
              "UPDATE custom_filters SET title = $3, contexts = $4::text[], filter_action = $5, "
              "expires_at = to_timestamp($6::bigint / 1000.0) WHERE account_id = $1 AND id = $2"},
    Statement{"filter_delete", "DELETE FROM custom_filters WHERE account_id = $1 AND id = $2"},
    Statement{"filter_count", "SELECT count(*) FROM custom_filters WHERE account_id = $1"},
    Statement{"filters_of",
              "SELECT " LOX_FILTER_COLUMNS " FROM custom_filters f WHERE f.account_id = $1 "
              "ORDER BY f.id"},
    Statement{"filter_get", "SELECT " LOX_FILTER_COLUMNS
                            " FROM custom_filters f WHERE f.account_id = $1 AND f.id = $2"},
    Statement{"filter_keywords_of",
              "SELECT k.id, k.filter_id, k.keyword, k.whole_word FROM custom_filter_keywords k "
              "WHERE k.filter_id = ANY($1::bigint[]) ORDER BY k.id"},
    Statement{"filter_statuses_of",
              "SELECT fs.id, fs.filter_id, fs.status_id FROM custom_filter_statuses fs "
              "WHERE fs.filter_id = ANY($1::bigint[]) ORDER BY fs.id"},
    Statement{"filter_keyword_insert",
              "INSERT INTO custom_filter_keywords (id, filter_id, keyword, whole_word, pattern) "
              "VALUES ($1, $2, $3, $4, $5)"},
    Statement{"filter_keyword_get",
              "SELECT k.id, k.filter_id, k.keyword, k.whole_word FROM custom_filter_keywords k "
              "JOIN custom_filters f ON f.id = k.filter_id WHERE f.account_id = $1 AND k.id = $2"},
    Statement{"filter_keyword_update",
              "UPDATE custom_filter_keywords k SET keyword = $3, whole_word = $4, pattern = $5 "
              "FROM custom_filters f WHERE f.id = k.filter_id AND f.account_id = $1 AND k.id = $2"},
    Statement{"filter_keyword_delete",
              "DELETE FROM custom_filter_keywords k USING custom_filters f "
              "WHERE f.id = k.filter_id AND f.account_id = $1 AND k.id = $2"},
    Statement{"filter_status_insert",
              "INSERT INTO custom_filter_statuses (id, filter_id, status_id) VALUES ($1, $2, $3) "
              "ON CONFLICT (filter_id, status_id) DO NOTHING"},
    Statement{
        "filter_status_get",
        "SELECT fs.id, fs.filter_id, fs.status_id FROM custom_filter_statuses fs "
        "JOIN custom_filters f ON f.id = fs.filter_id WHERE f.account_id = $1 AND fs.id = $2"},
    Statement{"filter_status_delete",
              "DELETE FROM custom_filter_statuses fs USING custom_filters f "
              "WHERE f.id = fs.filter_id AND f.account_id = $1 AND fs.id = $2"},
    // Which of the viewer's active filters match which of the statuses: by keyword (regular
    // expression, case-insensitive) or by the status itself. One row per match.
    Statement{"status_filter_matches",
              "SELECT s.id, " LOX_FILTER_COLUMNS ", k.keyword, NULL::bigint "
              "FROM statuses s JOIN custom_filters f ON f.account_id = $2 "
              "  AND (f.expires_at IS NULL OR f.expires_at > now()) "
              "JOIN custom_filter_keywords k ON k.filter_id = f.id "
              "WHERE s.id = ANY($1::bigint[]) "
              "  AND status_filter_text(s.id, s.spoiler_text, s.content) ~* k.pattern "
              "UNION ALL "
              "SELECT fs.status_id, " LOX_FILTER_COLUMNS ", NULL, fs.status_id "
              "FROM custom_filter_statuses fs JOIN custom_filters f ON f.id = fs.filter_id "
              "  AND f.account_id = $2 AND (f.expires_at IS NULL OR f.expires_at > now()) "
              "WHERE fs.status_id = ANY($1::bigint[])"},
    // --- media ------------------------------------------------------------------------------
    Statement{"media_insert",
              "INSERT INTO media_attachments (id, account_id, kind, content_type, upload_key, "
              "file_size, description, focus_x, focus_y) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
              "$9)"},
    Statement{"media_insert_remote",
              "INSERT INTO media_attachments (id, account_id, status_id, kind, content_type, "
              "description, focus_x, focus_y, blurhash, remote_url) VALUES ($1, $2, $3, $4, $5, "
              "$6, $7, $8, $9, $10)"},
    Statement{"media_set_upload",
              "UPDATE media_attachments SET upload_key = $2, file_size = $3, updated_at = now() "
              "WHERE id = $1 AND state = 0"},
    // Cached copies of remote attachments older than $1 days, oldest first, a batch at a time.
    Statement{"media_remote_cached",
              "SELECT " LOX_MEDIA_COLUMNS " FROM media_attachments WHERE remote_url IS NOT NULL "
              "AND file_key IS NOT NULL AND created_at < now() - make_interval(days => $1) "
              "ORDER BY id LIMIT $2"},
    Statement{"media_remote_count",
              "SELECT count(*), coalesce(sum(file_size), 0) FROM media_attachments "
              "WHERE remote_url IS NOT NULL AND file_key IS NOT NULL "
              "AND created_at < now() - make_interval(days => $1)"},
    Statement{"media_evict",
              "UPDATE media_attachments SET file_key = NULL, small_key = NULL, state = 3, "
              "updated_at = now() WHERE id = $1"},
    Statement{"media_find", "SELECT " LOX_MEDIA_COLUMNS " FROM media_attachments WHERE id = $1"},
    Statement{"media_get", "SELECT " LOX_MEDIA_COLUMNS
                           " FROM media_attachments WHERE account_id = $1 AND id = $2"},
    Statement{
        "media_finish",
        "UPDATE media_attachments SET state = 1, kind = $2, content_type = $3, file_key = $4, "
        "small_key = $5, file_size = $6, meta = $7::jsonb, blurhash = $8, upload_key = NULL, "
        "updated_at = now() WHERE id = $1"},
    Statement{"media_fail",
              "UPDATE media_attachments SET state = 2, updated_at = now() WHERE id = $1"},
    Statement{"media_describe",
              "UPDATE media_attachments SET description = $3, focus_x = $4, focus_y = $5, "
              "updated_at = now() WHERE account_id = $1 AND id = $2"},
    Statement{"media_attachable",
              "SELECT " LOX_MEDIA_COLUMNS " FROM media_attachments WHERE account_id = $1 "
              "AND id = ANY($2::bigint[]) AND status_id IS NULL"},
    Statement{"media_attach",
              "UPDATE media_attachments SET status_id = $1, updated_at = now() "
              "WHERE account_id = $2 AND id = ANY($3::bigint[]) AND status_id IS NULL"},
    // An avatar or header key swapped in; the old key comes back for its file to be removed.
    Statement{"account_set_avatar",
              "WITH old AS (SELECT avatar_key FROM accounts WHERE id = $1 FOR UPDATE) "
              "UPDATE accounts a SET avatar_key = $2, updated_at = now() FROM old "
              "WHERE a.id = $1 RETURNING old.avatar_key"},
    Statement{"account_set_header",
              "WITH old AS (SELECT header_key FROM accounts WHERE id = $1 FOR UPDATE) "
              "UPDATE accounts a SET header_key = $2, updated_at = now() FROM old "
              "WHERE a.id = $1 RETURNING old.header_key"},
    Statement{"media_delete_stale",
              "DELETE FROM media_attachments WHERE id IN (SELECT id FROM media_attachments "
              "WHERE status_id IS NULL AND created_at < now() - make_interval(hours => $1) "
              "ORDER BY created_at LIMIT $2) RETURNING " LOX_MEDIA_COLUMNS},
    Statement{"media_delete_unattached",
              "DELETE FROM media_attachments WHERE account_id = $1 AND id = $2 AND status_id IS "
              "NULL RETURNING " LOX_MEDIA_COLUMNS},
};

}  // namespace lox::db::sql
