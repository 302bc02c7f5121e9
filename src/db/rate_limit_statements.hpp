#pragma once
// Prepared statements for API request counts shared by processes (rate_limit_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kRateLimitStatements = {
    // Adds one process's hits ($1 keys, $2 window starts, $3 hits: text[], bigint[], bigint[])
    // and returns every process's totals. Rows are locked in key order, so two processes adding
    // the same keys at once wait for each other instead of deadlocking; a key listed twice is
    // added up first (ON CONFLICT may not touch a row twice in one statement).
    Statement{"rate_limit_hits_add",
              "INSERT INTO rate_limit_hits AS r (key, window_start, hits) "
              "SELECT k, w, sum(h) "
              "FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u(k, w, h) "
              "GROUP BY k, w ORDER BY k, w "
              "ON CONFLICT (key, window_start) DO UPDATE SET hits = r.hits + EXCLUDED.hits "
              "RETURNING key, window_start, hits"},
    Statement{"rate_limit_hits_prune", "DELETE FROM rate_limit_hits WHERE window_start < $1"},
};

}  // namespace lox::db::sql
