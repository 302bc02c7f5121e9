#pragma once
// Prepared statements for link preview cards (preview_card_repository.cpp). A status
// view reads its card with LOX_CARD_OF_STATUS (db/status_statements.hpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kPreviewCardStatements = {
    Statement{"card_source",
              "SELECT s.content, s.local, s.spoiler_text <> '', s.deleted_at IS NOT NULL, "
              "s.reblog_of_id IS NOT NULL FROM statuses s WHERE s.id = $1"},
    Statement{"card_fresh_by_link",
              "SELECT id FROM preview_cards WHERE link_url = $1 "
              "AND updated_at > now() - interval '14 days'"},
    // Inserts or refreshes the card of a link; returns its id and the image key replaced.
    Statement{"card_upsert",
              "WITH old AS (SELECT image_key FROM preview_cards WHERE link_url = $2) "
              "INSERT INTO preview_cards (id, link_url, url, title, description, type, "
              "author_name, author_url, provider_name, provider_url, html, width, height, "
              "image_key, image_width, image_height, image_description, blurhash, embed_url, "
              "language, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
              "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21) "
              "ON CONFLICT (link_url) DO UPDATE SET url = $3, title = $4, description = $5, "
              "type = $6, author_name = $7, author_url = $8, provider_name = $9, "
              "provider_url = $10, html = $11, width = $12, height = $13, image_key = $14, "
              "image_width = $15, image_height = $16, image_description = $17, blurhash = $18, "
              "embed_url = $19, language = $20, published_at = $21, updated_at = now() "
              "RETURNING id, (SELECT image_key FROM old)"},
    Statement{"card_attach",
              "INSERT INTO status_preview_cards (status_id, preview_card_id) VALUES ($1, $2) "
              "ON CONFLICT (status_id) DO UPDATE SET preview_card_id = $2"},
    Statement{"card_detach", "DELETE FROM status_preview_cards WHERE status_id = $1"},
    Statement{"card_flag", "UPDATE statuses SET has_card = $2 WHERE id = $1 AND has_card <> $2"},
};

}  // namespace lox::db::sql
