#pragma once
// Prepared statements for custom emoji (custom_emoji_repository.cpp).

#include "db/sql_fragments.hpp"
#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kCustomEmojiStatements = {
    // Records a remote emoji (or refreshes its id and image); returns its id and whether its
    // image must be (re)fetched: new, a changed image or update time, or not copied yet.
    Statement{"custom_emoji_upsert_remote",
              "WITH old AS (SELECT image_remote_url, image_updated, image_key FROM custom_emojis "
              "  WHERE shortcode = $2 AND domain = $3) "
              "INSERT INTO custom_emojis (id, shortcode, domain, uri, image_remote_url, "
              "image_updated) VALUES ($1, $2, $3, nullif($4, ''), $5, $6) "
              "ON CONFLICT (shortcode, (coalesce(domain, ''))) DO UPDATE SET "
              "uri = excluded.uri, image_remote_url = excluded.image_remote_url, "
              "image_updated = excluded.image_updated, updated_at = now() "
              "RETURNING id, NOT EXISTS (SELECT 1 FROM old WHERE old.image_remote_url = $5 "
              "  AND old.image_updated = $6 AND old.image_key IS NOT NULL)"},
    Statement{"status_emojis_clear", "DELETE FROM status_custom_emojis WHERE status_id = $1"},
    Statement{"status_emojis_flag",
              "UPDATE statuses SET has_emojis = $2 WHERE id = $1 AND has_emojis <> $2"},
    Statement{"account_emojis_flag",
              "UPDATE accounts SET has_emojis = $2 WHERE id = $1 AND has_emojis <> $2"},
    Statement{"status_emojis_add",
              "INSERT INTO status_custom_emojis (status_id, custom_emoji_id) "
              "SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING"},
    Statement{"account_emojis_clear", "DELETE FROM account_custom_emojis WHERE account_id = $1"},
    Statement{"account_emojis_add",
              "INSERT INTO account_custom_emojis (account_id, custom_emoji_id) "
              "SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING"},
    Statement{"custom_emoji_image_source",
              "SELECT image_remote_url FROM custom_emojis WHERE id = $1 "
              "AND image_remote_url IS NOT NULL"},
    // Sets the copied image; returns the keys it replaces (their files are removed).
    Statement{"custom_emoji_set_image",
              "UPDATE custom_emojis e SET image_key = $2, static_key = $3, updated_at = now() "
              "FROM (SELECT id, image_key, static_key FROM custom_emojis WHERE id = $1) old "
              "WHERE e.id = old.id RETURNING old.image_key, old.static_key"},
    Statement{"local_emoji_insert",
              "INSERT INTO custom_emojis (id, shortcode, domain, image_key, static_key, category, "
              "account_id) VALUES ($1, $2, NULL, $3, $4, $5, $6) ON CONFLICT DO NOTHING "
              "RETURNING id"},
    Statement{"local_emojis",
              "SELECT e.id, e.shortcode, e.image_key, e.static_key, e.visible_in_picker, "
              "e.category, e.account_id, a.username FROM custom_emojis e LEFT JOIN accounts a ON "
              "a.id = e.account_id WHERE e.domain IS NULL AND e.image_key IS NOT NULL ORDER BY "
              "e.shortcode"},
    Statement{"local_emoji_find",
              "SELECT e.id, e.shortcode, e.image_key, e.static_key, e.visible_in_picker, "
              "e.category, e.account_id, a.username FROM custom_emojis e LEFT JOIN accounts a ON "
              "a.id = e.account_id WHERE e.domain IS NULL AND e.shortcode = $1"},
    Statement{"local_emoji_ids",
              "SELECT id FROM custom_emojis WHERE domain IS NULL AND image_key IS NOT NULL AND "
              "shortcode = ANY($1::text[]) ORDER BY shortcode"},
    // Serialises a member's emoji uploads (the slot check and the insert).
    Statement{"local_emoji_owner_lock", "SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE"},
    Statement{"local_emoji_used_by_others",
              "SELECT EXISTS (SELECT 1 FROM status_custom_emojis je JOIN statuses s ON s.id = "
              "je.status_id WHERE je.custom_emoji_id = $1 AND s.account_id <> $2 AND s.deleted_at "
              "IS NULL) OR EXISTS (SELECT 1 FROM account_custom_emojis je WHERE "
              "je.custom_emoji_id = $1 AND je.account_id <> $2)"},
    Statement{"local_emojis_owned",
              "SELECT count(*) FROM custom_emojis WHERE domain IS NULL AND account_id = $1"},
    Statement{"local_emoji_delete",
              "DELETE FROM custom_emojis WHERE id = $1 AND domain IS NULL RETURNING image_key, "
              "static_key"},
    Statement{"status_emojis",
              "SELECT " LOX_EMOJIS_OF("status_custom_emojis", "status_id", "$1", "true")},
};

}  // namespace lox::db::sql
