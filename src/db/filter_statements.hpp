#pragma once
// Prepared statements of filters, their keywords and filtered statuses, and of matching them
// against statuses (filter_repository.cpp).

#include "db/statement.hpp"

#include <array>

#define LOX_FILTER_COLUMNS                             \
  "f.id, f.title, f.contexts::text, f.filter_action, " \
  "(extract(epoch FROM f.expires_at) * 1000)::bigint"

namespace lox::db::sql {

inline constexpr std::array kFilterStatements = {
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
};

}  // namespace lox::db::sql
