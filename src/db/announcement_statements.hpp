#pragma once
// Prepared statements for staff announcements (announcement_repository.cpp).

#include "db/statement.hpp"

#include <array>

// An announcement as viewer $V sees it: whether they dismissed it, and its reactions
// ([name, count, me] as JSON, the most used first).
#define LOX_ANNOUNCEMENT_SELECT(v)                                                              \
  "SELECT an.id, an.text, an.content, an.tags::text, "                                          \
  "(extract(epoch FROM an.starts_at) * 1000)::bigint, "                                         \
  "(extract(epoch FROM an.ends_at) * 1000)::bigint, an.all_day, "                               \
  "(extract(epoch FROM an.scheduled_at) * 1000)::bigint, "                                      \
  "(extract(epoch FROM an.published_at) * 1000)::bigint, "                                      \
  "(extract(epoch FROM an.updated_at) * 1000)::bigint, "                                        \
  "EXISTS (SELECT 1 FROM announcement_dismissals d WHERE d.announcement_id = an.id "            \
  "  AND d.account_id = " v                                                                     \
  "), "                                                                                         \
  "(SELECT coalesce(json_agg(json_build_array(r.name, r.n, r.me) ORDER BY r.n DESC, r.first), " \
  "  '[]')::text FROM (SELECT name, count(*) AS n, bool_or(account_id = " v                     \
  ") AS me, "                                                                                   \
  "  min(created_at) AS first FROM announcement_reactions "                                     \
  "  WHERE announcement_id = an.id GROUP BY name) r) "                                          \
  "FROM announcements an "

namespace lox::db::sql {

inline constexpr std::array kAnnouncementStatements = {
    Statement{"announcement_insert",
              "INSERT INTO announcements (id, text, content, tags, starts_at, ends_at, all_day, "
              "scheduled_at) VALUES ($1, $2, $3, $4::text[], to_timestamp($5::bigint / 1000.0), "
              "to_timestamp($6::bigint / 1000.0), $7, to_timestamp($8::bigint / 1000.0))"},
    Statement{"announcement_publish",
              "UPDATE announcements SET published_at = now(), updated_at = now() "
              "WHERE id = $1 AND published_at IS NULL"},
    Statement{"announcement_delete", "DELETE FROM announcements WHERE id = $1"},
    Statement{"announcements_active",
              LOX_ANNOUNCEMENT_SELECT("$1") "WHERE an.published_at IS NOT NULL "
                                            "AND (an.ends_at IS NULL OR an.ends_at > now()) "
                                            "AND ($2 OR NOT EXISTS (SELECT 1 FROM "
                                            "announcement_dismissals d2 WHERE "
                                            "d2.announcement_id = an.id AND d2.account_id = $1)) "
                                            "ORDER BY an.published_at DESC, an.id DESC"},
    Statement{"announcement_find", LOX_ANNOUNCEMENT_SELECT("$2") "WHERE an.id = $1"},
    Statement{"announcements_all", LOX_ANNOUNCEMENT_SELECT("0") "ORDER BY an.id DESC"},
    Statement{"announcement_dismiss",
              "INSERT INTO announcement_dismissals (account_id, announcement_id) "
              "SELECT $1, id FROM announcements WHERE id = $2 AND published_at IS NOT NULL "
              "ON CONFLICT DO NOTHING"},
    Statement{"announcement_reaction_add",
              "INSERT INTO announcement_reactions (announcement_id, account_id, name) "
              "VALUES ($2, $1, $3) ON CONFLICT DO NOTHING"},
    Statement{"announcement_reaction_remove",
              "DELETE FROM announcement_reactions WHERE account_id = $1 "
              "AND announcement_id = $2 AND name = $3"},
    Statement{"announcement_reaction_count",
              "SELECT count(*) FROM announcement_reactions WHERE announcement_id = $1 "
              "AND name = $2"},
};

}  // namespace lox::db::sql
