#pragma once
// Prepared statements of lists and of search over accounts, tags and statuses
// (list_repository.cpp).

#include "db/sql_fragments.hpp"
#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kListStatements = {
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
};

}  // namespace lox::db::sql
