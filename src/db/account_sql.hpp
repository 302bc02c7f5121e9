#pragma once
// Column lists shared by the account and user statements, and the row mappers that read them.

#include <loxodon/domain/account.hpp>

#include <pqxx/pqxx>

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

// The same columns with zero counts, for the per-request token check (no counter reads).
#define LOX_ACCOUNT_COLUMNS_LIGHT                                                               \
  "a.id, a.username, a.domain, a.display_name, a.note, a.note_html, a.fields::text, a.locked, " \
  "a.bot, a.discoverable, a.indexable, a.hide_collections, a.uri, a.url, "                      \
  "(extract(epoch FROM a.created_at) * 1000)::bigint, "                                         \
  "(extract(epoch FROM a.last_status_at) * 1000)::bigint, "                                     \
  "(extract(epoch FROM a.suspended_at) * 1000)::bigint, 0::bigint, 0::bigint, 0::bigint, "      \
  "a.avatar_key, a.header_key, a.moved_to_account_id, NULL::text, "                             \
  "CASE WHEN a.supporter_badge_until > now() THEN a.supporter_badge END, a.hide_counts"

// 26 account columns, then these 16.
#define LOX_USER_COLUMNS                                                                 \
  "u.id, u.account_id, u.email, u.password_hash, r.id, r.name, r.color, r.highlighted, " \
  "r.permissions, u.locale, u.confirmed_at IS NOT NULL, u.approved, u.disabled, "        \
  "u.default_privacy, u.default_sensitive, u.default_language"

#define LOX_USER_FROM \
  " FROM users u JOIN accounts a ON a.id = u.account_id JOIN user_roles r ON r.id = u.role_id "

namespace lox::db {

inline constexpr int kAccountColumnCount = 26;

domain::Account read_account(const pqxx::row& row, int offset = 0);
domain::User read_user(const pqxx::row& row, int offset = kAccountColumnCount);
domain::UserWithAccount read_user_with_account(const pqxx::row& row);

}  // namespace lox::db
