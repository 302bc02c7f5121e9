#pragma once
// Prepared statements of media attachments and of accounts' avatar and header images
// (media_repository.cpp).

#include "db/statement.hpp"

#include <array>

#define LOX_MEDIA_COLUMNS                                                                   \
  "id, account_id, status_id, kind, state, content_type, upload_key, file_key, small_key, " \
  "file_size, description, focus_x, focus_y, meta::text, blurhash, remote_url"

namespace lox::db::sql {

inline constexpr std::array kMediaStatements = {
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
