#pragma once
// Column lists shared by the account and user statements, and the row mappers that read them.

#include <loxodon/domain/account.hpp>

#include <pqxx/pqxx>

#define LOX_ACCOUNT_COLUMNS                                                                     \
  "a.id, a.username, a.domain, a.display_name, a.note, a.note_html, a.fields::text, a.locked, " \
  "a.bot, a.discoverable, a.indexable, a.hide_collections, a.uri, a.url, "                      \
  "(extract(epoch FROM a.created_at) * 1000)::bigint, "                                         \
  "(extract(epoch FROM a.last_status_at) * 1000)::bigint, "                                     \
  "(extract(epoch FROM a.suspended_at) * 1000)::bigint, "                                       \
  "a.statuses_count::bigint, a.followers_count::bigint, a.following_count::bigint, "            \
  "a.avatar_key, a.header_key, a.moved_to_account_id"

// The same columns with zero counts, for the per-request token check (no counter reads).
#define LOX_ACCOUNT_COLUMNS_LIGHT                                                               \
  "a.id, a.username, a.domain, a.display_name, a.note, a.note_html, a.fields::text, a.locked, " \
  "a.bot, a.discoverable, a.indexable, a.hide_collections, a.uri, a.url, "                      \
  "(extract(epoch FROM a.created_at) * 1000)::bigint, "                                         \
  "(extract(epoch FROM a.last_status_at) * 1000)::bigint, "                                     \
  "(extract(epoch FROM a.suspended_at) * 1000)::bigint, 0::bigint, 0::bigint, 0::bigint, "      \
  "a.avatar_key, a.header_key, a.moved_to_account_id"

// 23 account columns, then these 16.
#define LOX_USER_COLUMNS                                                                 \
  "u.id, u.account_id, u.email, u.password_hash, r.id, r.name, r.color, r.highlighted, " \
  "r.permissions, u.locale, u.confirmed_at IS NOT NULL, u.approved, u.disabled, "        \
  "u.default_privacy, u.default_sensitive, u.default_language"

#define LOX_USER_FROM \
  " FROM users u JOIN accounts a ON a.id = u.account_id JOIN user_roles r ON r.id = u.role_id "

namespace lox::db {

inline constexpr int kAccountColumnCount = 23;

domain::Account read_account(const pqxx::row& row, int offset = 0);
domain::User read_user(const pqxx::row& row, int offset = kAccountColumnCount);
domain::UserWithAccount read_user_with_account(const pqxx::row& row);

}  // namespace lox::db
