#pragma once
// Prepared statements for live streaming: publishing events and finding, for one event, which
// of a process's subscribers it reaches (stream_repository.cpp).

#include "db/sql_fragments.hpp"
#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kStreamStatements = {
    // Transactional: delivered to listeners when (and only if) the transaction commits.
    Statement{"stream_publish", "SELECT pg_notify('loxodon_stream', $1)"},
    // What the routing of a status event needs; deleted statuses too (delete events).
    Statement{"stream_status_facts",
              "SELECT s.account_id, s.visibility, s.local, s.reblog_of_id IS NOT NULL, "
              "s.in_reply_to_id IS NOT NULL AND s.in_reply_to_account_id IS DISTINCT FROM "
              "s.account_id, "
              "EXISTS (SELECT 1 FROM media_attachments md WHERE md.status_id = s.id), "
              "ARRAY(SELECT t.name FROM statuses_tags st JOIN tags t ON t.id = st.tag_id "
              "  WHERE st.status_id = s.id ORDER BY t.name)::text "
              "FROM statuses s WHERE s.id = $1"},
    // Which of the accounts $2 have status $1 in their home feed.
    Statement{"stream_home_audience",
              "SELECT h.account_id FROM home_feed h WHERE h.status_id = $1 "
              "AND h.account_id = ANY ($2::bigint[])"},
    // Which of the lists $2 status $1 belongs on (list_page's rule), with their owners.
    Statement{"stream_list_audience",
              "SELECT l.id, l.account_id FROM statuses s "
              "JOIN list_accounts la ON la.account_id = s.account_id "
              "JOIN lists l ON l.id = la.list_id "
              "WHERE s.id = $1 AND l.id = ANY ($2::bigint[]) AND "
              "EXISTS (SELECT 1 FROM home_feed h WHERE h.account_id = l.account_id "
              "  AND h.status_id = s.id) AND " LOX_LIST_REPLIES_RULE("l.account_id")},
    // Which of the accounts $2 may see public status $1 on a public or hashtag timeline:
    // nobody across a block, nobody who muted the author (LOX_PUBLIC_PAGE's rule).
    Statement{"stream_public_audience",
              "SELECT v.id FROM statuses s, unnest($2::bigint[]) AS v(id) WHERE s.id = $1 "
              "AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = v.id AND "
              "  b.target_account_id = s.account_id) OR (b.account_id = s.account_id AND "
              "  b.target_account_id = v.id)) "
              "AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.account_id = v.id "
              "  AND mu.target_account_id = s.account_id)"},
    // Which of the viewers $2 see statuses $1 (a status and the original it boosts)
    // differently from a viewer with no relation to them: their own flags, a poll vote, an
    // active filter that matches (status_filter_matches' rule, in any context), or an original
    // they may not see. The others share one rendering. Merely having filters is not enough:
    // most people have some, and rendering for each of them would not keep up.
    Statement{
        "stream_personal_viewers",
        // The text filters match against, computed once for all viewers.
        "WITH t AS MATERIALIZED (SELECT fs.id, "
        "  status_filter_text(fs.id, fs.spoiler_text, fs.content) AS text "
        "  FROM statuses fs WHERE fs.id = ANY ($1::bigint[])) "
        "SELECT v.id FROM unnest($2::bigint[]) AS v(id) WHERE "
        "EXISTS (SELECT 1 FROM t JOIN custom_filters f ON f.account_id = v.id "
        "  AND (f.expires_at IS NULL OR f.expires_at > now()) "
        "  WHERE EXISTS (SELECT 1 FROM custom_filter_keywords k WHERE k.filter_id = f.id "
        "    AND t.text ~* k.pattern) "
        "  OR EXISTS (SELECT 1 FROM custom_filter_statuses cfs WHERE cfs.filter_id = f.id "
        "    AND cfs.status_id = t.id)) "
        "OR EXISTS (SELECT 1 FROM statuses s WHERE s.id = ANY ($1::bigint[]) AND ("
        "  EXISTS (SELECT 1 FROM favourites f WHERE f.status_id = s.id AND f.account_id = v.id) "
        "  OR EXISTS (SELECT 1 FROM statuses r WHERE r.reblog_of_id = s.id "
        "    AND r.account_id = v.id AND r.deleted_at IS NULL) "
        "  OR EXISTS (SELECT 1 FROM bookmarks b WHERE b.status_id = s.id AND b.account_id = v.id) "
        "  OR EXISTS (SELECT 1 FROM status_pins sp WHERE sp.status_id = s.id "
        "    AND sp.account_id = v.id) "
        "  OR EXISTS (SELECT 1 FROM conversation_mutes cm WHERE cm.account_id = v.id "
        "    AND cm.conversation_id = s.conversation_id) "
        "  OR EXISTS (SELECT 1 FROM polls p JOIN poll_votes pv ON pv.poll_id = p.id "
        "    WHERE p.status_id = s.id AND pv.account_id = v.id) "
        "  OR (s.reblog_of_id IS NULL AND s.id <> $1[1] AND NOT " LOX_VISIBLE_TO("v.id") ")))"},
    // The conversations (of the accounts $2) whose last status is $1.
    Statement{"stream_conversation_audience",
              "SELECT ac.account_id, ac.id FROM account_conversations ac "
              "WHERE ac.last_status_id = $1 AND ac.account_id = ANY ($2::bigint[])"},
    // Whether account $1 owns list $2 (subscribing to a list stream).
    Statement{"stream_list_owned", "SELECT 1 FROM lists WHERE id = $2 AND account_id = $1"},
};

}  // namespace lox::db::sql
