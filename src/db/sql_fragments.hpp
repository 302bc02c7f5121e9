#pragma once
// SQL text that the statements of several repositories share, defined once so that they cannot
// drift apart. A fragment only one repository's statements use stays in that statements file.

// --- accounts: account, custom emoji and status statements ----------------------------------
// JSON of the emoji a status or account uses, for the view queries (`owner` is the owning row's
// id): only those whose image has been copied here.
// `flag` is the owner's has_emojis column: most rows have none, are not looked up and read
// as NULL.
#define LOX_EMOJIS_OF(join_table, owner_column, owner, flag)                              \
  "CASE WHEN " flag                                                                       \
  " THEN (SELECT coalesce(json_agg(json_build_array(e.shortcode, "                        \
  "  e.image_key, e.static_key, e.visible_in_picker, e.category) ORDER BY e.shortcode), " \
  "  '[]')::text FROM " join_table                                                        \
  " je JOIN custom_emojis e ON e.id = je.custom_emoji_id "                                \
  "  WHERE je." owner_column " = " owner " AND e.image_key IS NOT NULL) END"

// An account's columns in the order read_account reads them (db/account_rows.hpp, which
// counts them): the account statements and the status views select it alike.
#define LOX_ACCOUNT_COLUMNS \
  "a.id, a.username, a.domain, a.display_name, a.note, a.note_html, a.fields::text, a.locked, " \
  "a.bot, a.discoverable, a.indexable, a.hide_collections, a.uri, a.url, "                      \
  "(extract(epoch FROM a.created_at) * 1000)::bigint, "                                         \
  "(extract(epoch FROM a.last_status_at) * 1000)::bigint, "                                     \
  "(extract(epoch FROM a.suspended_at) * 1000)::bigint, "                                       \
  "a.statuses_count::bigint, a.followers_count::bigint, a.following_count::bigint, "            \
  "a.avatar_key, a.header_key, a.moved_to_account_id, " LOX_EMOJIS_OF(                          \
      "account_custom_emojis", "account_id", "a.id",                                            \
      "a.has_emojis") ", CASE WHEN a.supporter_badge_until > now() THEN a.supporter_badge END, " \
                      "a.hide_counts"

// --- statuses: status, list and stream statements ------------------------------------------
// Whether the account `v` (0 for a logged-out viewer) may see status `s`: Mastodon's
// StatusPolicy#show? in SQL, so timelines, lists and counts filter in the same query.
#define LOX_VISIBLE_TO(v)                                                                      \
  "(s.account_id = " v                                                                         \
  " OR (NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.account_id = "                             \
  "s.account_id AND b.target_account_id = " v ") OR (b.account_id = " v                        \
  " AND b.target_account_id = s.account_id)) AND (s.visibility <= 1 OR EXISTS (SELECT 1 FROM " \
  "mentions m WHERE m.status_id = s.id AND m.account_id = " v                                  \
  ") OR (s.visibility = 2 AND "                                                                \
  "EXISTS (SELECT 1 FROM follows f WHERE f.account_id = " v                                    \
  " AND f.target_account_id = s.account_id)))))"

// Whether status `s` belongs on list `l` of owner `v` as a reply: replies to oneself always,
// others as the list's replies_policy says (followed accounts, list members, or none).
#define LOX_LIST_REPLIES_RULE(v)                                                      \
  "(s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id "     \
  "  OR l.replies_policy = 'followed' AND EXISTS (SELECT 1 FROM follows f WHERE "     \
  "  f.account_id = " v                                                               \
  " AND f.target_account_id = s.in_reply_to_account_id) "                             \
  "  OR l.replies_policy = 'list' AND EXISTS (SELECT 1 FROM list_accounts la2 WHERE " \
  "  la2.list_id = l.id AND la2.account_id = s.in_reply_to_account_id))"

// --- ledger: ledger and thanks statements ---------------------------------------------------
// What later entries reversed of entry `id` (a column expression), less what was undone of
// those reversals (a won dispute's correction): reversals nest one level at most.
#define LOX_NET_REVERSED(id)                                                                 \
  "(SELECT coalesce(sum(r.amount_minor - (SELECT coalesce(sum(rr.amount_minor), 0) FROM "    \
  "ledger_entries rr WHERE rr.reverses_entry_id = r.id)), 0)::bigint FROM ledger_entries r " \
  "WHERE r.reverses_entry_id = " id ")"
