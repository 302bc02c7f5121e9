#pragma once
// Prepared statements of what the instance tells about itself: statistics, peers and rules
// (instance_repository.cpp). Its ping is db/database_statements.hpp's.

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kInstanceStatements = {
    Statement{"instance_stats",
              "SELECT"
              " (SELECT count(*) FROM accounts WHERE domain IS NULL AND suspended_at IS NULL),"
              " (SELECT count(*) FROM statuses WHERE local AND deleted_at IS NULL),"
              " (SELECT count(DISTINCT domain) FROM accounts WHERE domain IS NOT NULL),"
              " (SELECT count(*) FROM accounts WHERE domain IS NULL AND suspended_at IS NULL"
              "    AND last_active_at > now() - interval '30 days')"},
    // Servers this one knows accounts on (GET /api/v1/instance/peers), by host name.
    Statement{"instance_peers",
              "SELECT DISTINCT split_part(lower(domain), ':', 1) FROM accounts "
              "WHERE domain IS NOT NULL AND suspended_at IS NULL ORDER BY 1"},
    Statement{"instance_rules",
              "SELECT id::text, text, hint FROM instance_rules WHERE deleted_at IS NULL "
              "ORDER BY position, id"},
};

}  // namespace lox::db::sql
