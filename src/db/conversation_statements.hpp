#pragma once
// Prepared statements of direct conversations (conversation_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kConversationStatements = {
    Statement{
        "conversation_add",
        "WITH s AS (SELECT id, account_id, conversation_id FROM statuses "
        "  WHERE id = $1 AND visibility = 3 AND reblog_of_id IS NULL AND deleted_at IS NULL), "
        "everyone AS (SELECT account_id FROM s "
        "  UNION SELECT m.account_id FROM mentions m WHERE m.status_id = $1), "
        "recipients AS (SELECT e.account_id FROM everyone e JOIN accounts a ON a.id = e.account_id "
        "  CROSS JOIN s WHERE a.domain IS NULL AND (e.account_id = s.account_id OR ("
        "  NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = e.account_id "
        "    AND b.target_account_id = s.account_id) "
        "  AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = e.account_id "
        "    AND mu.target_account_id = s.account_id)))) "
        "INSERT INTO account_conversations AS ac (account_id, conversation_id, "
        "  participant_account_ids, status_ids, last_status_id, unread) "
        "SELECT r.account_id, s.conversation_id, "
        "  ARRAY(SELECT e.account_id FROM everyone e WHERE e.account_id <> r.account_id "
        "    ORDER BY e.account_id), ARRAY[s.id], s.id, r.account_id <> s.account_id "
        "FROM recipients r CROSS JOIN s "
        "ON CONFLICT (account_id, conversation_id, participant_account_ids) DO UPDATE "
        "SET status_ids = ac.status_ids || EXCLUDED.status_ids, "
        "  last_status_id = greatest(ac.last_status_id, EXCLUDED.last_status_id), "
        "  unread = EXCLUDED.unread "
        "WHERE NOT (EXCLUDED.last_status_id = ANY(ac.status_ids))"},
    Statement{"conversation_remove_status",
              "UPDATE account_conversations SET status_ids = array_remove(status_ids, $1), "
              "last_status_id = coalesce((SELECT max(x) FROM unnest(status_ids) x WHERE x <> $1), "
              "  last_status_id) "
              "WHERE conversation_id = (SELECT conversation_id FROM statuses WHERE id = $1) "
              "AND $1 = ANY(status_ids)"},
    Statement{"conversation_drop_empty",
              "DELETE FROM account_conversations "
              "WHERE conversation_id = (SELECT conversation_id FROM statuses WHERE id = $1) "
              "AND cardinality(status_ids) = 0"},
    LOX_PAGED_STATEMENTS("conversations_page",
                         "SELECT id, participant_account_ids::text, last_status_id, unread "
                         "FROM account_conversations WHERE account_id = $1 "
                         "AND last_status_id < $2 AND last_status_id > $3",
                         "last_status_id"),
    Statement{"conversation_get",
              "SELECT id, participant_account_ids::text, last_status_id, unread "
              "FROM account_conversations WHERE account_id = $1 AND id = $2"},
    Statement{"conversation_read",
              "UPDATE account_conversations SET unread = false WHERE account_id = $1 AND id = $2"},
    Statement{"conversation_delete",
              "DELETE FROM account_conversations WHERE account_id = $1 AND id = $2"},
};

}  // namespace lox::db::sql
