#pragma once
// Prepared statements of hashtags: creating them, following and featuring them
// (tag_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kTagStatements = {
    // The status repository runs it too, for the tags of a status it stores.
    Statement{"tag_upsert",
              "WITH ins AS (INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING "
              "RETURNING id) SELECT id FROM ins UNION ALL SELECT id FROM tags WHERE name = $1"},
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
};

}  // namespace lox::db::sql
