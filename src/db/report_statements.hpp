#pragma once
// Prepared statements for reports, the moderation queue (report_repository.cpp).

#include "db/statement.hpp"

#include <array>

#define LOX_REPORT_COLUMNS                                                               \
  "r.id, r.account_id, r.target_account_id, r.status_ids::text, r.comment, r.category, " \
  "r.forwarded, r.uri, (extract(epoch FROM r.action_taken_at) * 1000)::bigint, "         \
  "r.action_taken_by_account_id, (extract(epoch FROM r.created_at) * 1000)::bigint, "    \
  "(extract(epoch FROM r.updated_at) * 1000)::bigint"

namespace lox::db::sql {

inline constexpr std::array kReportStatements = {
    Statement{"report_insert",
              "INSERT INTO reports (id, account_id, target_account_id, status_ids, comment, "
              "category, forwarded, uri) VALUES ($1, $2, $3, $4::bigint[], $5, $6, $7, $8) "
              "ON CONFLICT (uri, target_account_id) DO NOTHING RETURNING id"},
    Statement{"report_by_id", "SELECT " LOX_REPORT_COLUMNS " FROM reports r WHERE r.id = $1"},
    // A page of the queue, newest first ($1 resolved, $2 max_id, $3 since_id, $4 limit).
    Statement{"reports_page",
              "SELECT " LOX_REPORT_COLUMNS " FROM reports r "
              "WHERE (r.action_taken_at IS NOT NULL) = $1 AND r.id < $2 AND r.id > $3 "
              "ORDER BY r.id DESC LIMIT $4"},
    Statement{"report_resolve",
              "UPDATE reports SET action_taken_at = now(), action_taken_by_account_id = $2, "
              "updated_at = now() WHERE id = $1"},
    Statement{"report_reopen",
              "UPDATE reports SET action_taken_at = NULL, action_taken_by_account_id = NULL, "
              "updated_at = now() WHERE id = $1"},
    // Who is told of a new report: local staff allowed to handle reports (Mastodon's
    // administrator or manage_reports permission), with an address and a usable account.
    Statement{"report_moderator_emails",
              "SELECT u.email FROM users u JOIN user_roles ro ON ro.id = u.role_id "
              "JOIN accounts a ON a.id = u.account_id WHERE (ro.permissions & 17) <> 0 "
              "AND NOT u.disabled AND u.confirmed_at IS NOT NULL AND a.suspended_at IS NULL "
              "ORDER BY u.id"},
    // Local statuses by their ActivityPub ids, with their authors (a Flag's objects).
    Statement{"local_statuses_by_uris",
              "SELECT id, account_id FROM statuses WHERE uri = ANY($1::text[]) AND local "
              "AND deleted_at IS NULL"},
};

}  // namespace lox::db::sql
