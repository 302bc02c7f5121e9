#pragma once
// Prepared statements of accounts, local and remote, and of their users' sign-in side
// (account_repository.cpp).

#include "db/sql_fragments.hpp"
#include "db/statement.hpp"

#include <array>

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

namespace lox::db::sql {

inline constexpr std::array kAccountStatements = {
    Statement{"account_insert_local",
              "INSERT INTO accounts (id, username, display_name, uri, url, public_key_pem, "
              "private_key_pem, discoverable) VALUES ($1, $2, '', $3, $4, $5, $6, NULL)"},
    Statement{"user_insert",
              "INSERT INTO users (id, account_id, email, password_hash, role_id, locale, "
              "confirmed_at, confirmation_token_hash, confirmation_sent_at, approved, "
              "sign_up_reason, sign_up_ip, invite_id, agreement) "
              "VALUES ($1, $2, $3, $4, (SELECT id FROM user_roles WHERE name = $5), $6, "
              "CASE WHEN $7::boolean THEN now() END, $8::text, CASE WHEN $8::text IS NOT NULL THEN "
              "now() END, "
              "$9, $10, "
              "$11::inet, $12, $13)"},
    Statement{"account_by_id", "SELECT " LOX_ACCOUNT_COLUMNS " FROM accounts a WHERE a.id = $1"},
    Statement{"account_public_key", "SELECT public_key_pem FROM accounts WHERE id = $1"},
    Statement{"account_signing_key",
              "SELECT username, private_key_pem FROM accounts WHERE id = $1 AND domain IS NULL "
              "AND private_key_pem IS NOT NULL"},
    Statement{"account_inboxes",
              "SELECT coalesce(inbox_url, ''), coalesce(shared_inbox_url, ''), coalesce(uri, '') "
              "FROM accounts WHERE id = $1"},
    Statement{"account_by_uri", "SELECT " LOX_ACCOUNT_COLUMNS " FROM accounts a WHERE a.uri = $1"},
    // A remote actor: found by its id first, then by its handle (an account re-created under the
    // same name gets the new id), else new.
    Statement{"remote_account_by_uri_or_acct",
              "SELECT id, (extract(epoch FROM fetched_at) * 1000)::bigint FROM accounts "
              "WHERE domain IS NOT NULL AND (uri = $1 OR (lower(username) = lower($2) "
              "AND lower(domain) = lower($3))) ORDER BY (uri = $1) DESC LIMIT 1"},
    Statement{"remote_account_upsert",
              "INSERT INTO accounts (id, username, domain, display_name, note, note_html, uri, "
              "url, locked, bot, discoverable, indexable, public_key_pem, inbox_url, "
              "shared_inbox_url, outbox_url, followers_url, following_url, actor_type, fields, "
              "also_known_as, fetched_at) VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9, $10, "
              "$11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb, $20::jsonb, now()) "
              "ON CONFLICT (id) DO UPDATE SET username = $2, domain = $3, display_name = $4, "
              "note_html = $5, uri = $6, url = $7, locked = $8, bot = $9, discoverable = $10, "
              "indexable = $11, public_key_pem = $12, inbox_url = $13, shared_inbox_url = $14, "
              "outbox_url = $15, followers_url = $16, following_url = $17, actor_type = $18, "
              "fields = $19::jsonb, also_known_as = $20::jsonb, fetched_at = now(), "
              "updated_at = now()"},
    Statement{"remote_account_set_moved_to",
              "UPDATE accounts SET moved_to_account_id = (SELECT t.id FROM accounts t "
              "WHERE t.uri = $2 AND t.id <> $1) WHERE id = $1 AND moved_to_account_id IS "
              "DISTINCT FROM (SELECT t.id FROM accounts t WHERE t.uri = $2 AND t.id <> $1)"},
    Statement{"account_also_known_as", "SELECT also_known_as::text FROM accounts WHERE id = $1"},
    Statement{"account_set_moved_to",
              "UPDATE accounts SET moved_to_account_id = $2, updated_at = now() WHERE id = $1"},
    // An actor whose server answered 410 Gone: it and everything it had here go.
    Statement{"remote_account_delete",
              "DELETE FROM accounts WHERE uri = $1 AND domain IS NOT NULL"},
    Statement{"account_by_acct",
              "SELECT " LOX_ACCOUNT_COLUMNS " FROM accounts a WHERE lower(a.username) = lower($1) "
              "AND coalesce(lower(a.domain), '') = coalesce(lower($2), '')"},
    Statement{"user_by_id",
              "SELECT " LOX_ACCOUNT_COLUMNS ", " LOX_USER_COLUMNS LOX_USER_FROM "WHERE u.id = $1"},
    Statement{"user_by_account", "SELECT " LOX_ACCOUNT_COLUMNS ", " LOX_USER_COLUMNS LOX_USER_FROM
                                 "WHERE u.account_id = $1"},
    // Mastodon signs in with the e-mail address; the username is accepted as well. Two indexed
    // lookups rather than one OR across both tables.
    Statement{"user_by_username",
              "SELECT " LOX_ACCOUNT_COLUMNS ", " LOX_USER_COLUMNS LOX_USER_FROM
              "WHERE lower(a.username) = lower($1) AND coalesce(lower(a.domain), '') = ''"},
    Statement{"user_by_id_light", "SELECT " LOX_ACCOUNT_COLUMNS_LIGHT
                                  ", " LOX_USER_COLUMNS LOX_USER_FROM "WHERE u.id = $1"},
    // Every authenticated API request: the bearer token, its user (none for an application's
    // own token) and whether the hourly last-used and last-active touches are due, in one
    // round trip (OAuthRepository::token_with_user).
    Statement{
        "token_with_user",
        "SELECT t.id, t.application_id, t.user_id, t.scopes, "
        "(extract(epoch FROM t.created_at) * 1000)::bigint, t.revoked_at IS NOT NULL, "
        "t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 hour', "
        "a.last_active_at IS NULL OR a.last_active_at < now() - interval '1 "
        "hour', " LOX_ACCOUNT_COLUMNS_LIGHT ", " LOX_USER_COLUMNS
        " FROM oauth_access_tokens t LEFT JOIN (users u JOIN accounts a ON a.id = u.account_id "
        "JOIN user_roles r ON r.id = u.role_id) ON u.id = t.user_id "
        "WHERE t.token_hash = $1"},
    Statement{"user_by_email", "SELECT " LOX_ACCOUNT_COLUMNS ", " LOX_USER_COLUMNS LOX_USER_FROM
                               "WHERE lower(u.email) = lower($1)"},
    Statement{"user_by_confirmation_token",
              "SELECT " LOX_ACCOUNT_COLUMNS ", " LOX_USER_COLUMNS LOX_USER_FROM
              "WHERE u.confirmation_token_hash = $1"},
    Statement{"user_by_reset_token",
              "SELECT " LOX_ACCOUNT_COLUMNS ", " LOX_USER_COLUMNS LOX_USER_FROM
              "WHERE u.reset_password_token_hash = $1 "
              "AND u.reset_password_sent_at > now() - interval '6 hours'"},
    Statement{"username_taken",
              "SELECT 1 FROM accounts WHERE lower(username) = lower($1) AND domain IS NULL"},
    Statement{"email_taken", "SELECT 1 FROM users WHERE lower(email) = lower($1)"},
    Statement{
        "account_update_profile",
        "UPDATE accounts SET display_name = $2, note = $3, note_html = $4, fields = $5::jsonb, "
        "locked = $6, bot = $7, discoverable = $8, indexable = $9, hide_collections = $10, "
        "hide_counts = $11, updated_at = now() WHERE id = $1"},
    Statement{"profile_look_find",
              "SELECT accent_color, theme FROM profile_looks WHERE account_id = $1"},
    Statement{"profile_look_upsert",
              "INSERT INTO profile_looks (account_id, accent_color, theme) VALUES ($1, $2, $3) "
              "ON CONFLICT (account_id) DO UPDATE SET accent_color = excluded.accent_color, "
              "theme = excluded.theme, updated_at = now()"},
    Statement{
        "user_update_preferences",
        "UPDATE users SET default_privacy = $2, default_sensitive = $3, default_language = $4, "
        "updated_at = now() WHERE id = $1"},
    Statement{"user_set_password",
              "UPDATE users SET password_hash = $2, reset_password_token_hash = NULL, "
              "updated_at = now() WHERE id = $1"},
    Statement{"user_set_email", "UPDATE users SET email = $2, updated_at = now() WHERE id = $1"},
    Statement{"user_confirm",
              "UPDATE users SET confirmed_at = coalesce(confirmed_at, now()), "
              "confirmation_token_hash = NULL WHERE id = $1"},
    // A confirmation link confirms the account and, when an address change is pending, makes
    // the new address the account's address.
    Statement{"user_confirm_by_link",
              "UPDATE users SET confirmed_at = coalesce(confirmed_at, now()), "
              "email = coalesce(unconfirmed_email, email), unconfirmed_email = NULL, "
              "confirmation_token_hash = NULL WHERE id = $1"},
    Statement{"user_set_unconfirmed_email",
              "UPDATE users SET unconfirmed_email = $2, confirmation_token_hash = $3, "
              "confirmation_sent_at = now() WHERE id = $1"},
    Statement{"user_set_confirmation_token",
              "UPDATE users SET confirmation_token_hash = $2, confirmation_sent_at = now() "
              "WHERE id = $1"},
    // At most one reset message per account every five minutes: no mail-bombing an address.
    Statement{"user_set_reset_token",
              "UPDATE users SET reset_password_token_hash = $2, reset_password_sent_at = now() "
              "WHERE id = $1 AND (reset_password_sent_at IS NULL "
              "OR reset_password_sent_at < now() - interval '5 minutes')"},
    Statement{"user_set_approved", "UPDATE users SET approved = $2 WHERE id = $1"},
    Statement{
        "user_set_role",
        "UPDATE users SET role_id = (SELECT id FROM user_roles WHERE name = $2) WHERE id = $1"},
    Statement{"user_signed_in", "UPDATE users SET last_sign_in_at = now() WHERE id = $1"},
    Statement{"account_set_suspended",
              "UPDATE accounts SET suspended_at = CASE WHEN $2 THEN coalesce(suspended_at, now()) "
              "END WHERE id = $1"},
    // Deleting keeps a suspended, emptied account row: its username and URI stay taken, as
    // other servers may still refer to them; the sign-in side and everything it owns go. The
    // key pair stays, as with Mastodon: the account's Delete is signed with it when sent.
    Statement{
        "account_delete",
        "UPDATE accounts SET suspended_at = coalesce(suspended_at, now()), display_name = '', "
        "note = '', note_html = '', fields = '[]', updated_at = now() WHERE id = $1"},
    Statement{"user_delete_by_account", "DELETE FROM users WHERE account_id = $1"},
    Statement{"account_touch_active",
              "UPDATE accounts SET last_active_at = now() WHERE id = $1 "
              "AND (last_active_at IS NULL OR last_active_at < now() - interval '1 hour')"},
    // Per network: an IPv6 client controls a whole /64.
    Statement{
        "signups_from_ip",
        "SELECT count(*) FROM users WHERE created_at > now() - make_interval(secs => $2) "
        "AND sign_up_ip IS NOT NULL AND family(sign_up_ip) = family($1::inet) "
        "AND network(set_masklen(sign_up_ip, CASE WHEN family(sign_up_ip) = 6 THEN 64 ELSE 32 "
        "END)) "
        "= network(set_masklen($1::inet, CASE WHEN family($1::inet) = 6 THEN 64 ELSE 32 END))"},
    Statement{"role_exists", "SELECT 1 FROM user_roles WHERE name = $1"},
    Statement{"admin_exists",
              "SELECT 1 FROM users u JOIN user_roles r ON r.id = u.role_id WHERE r.name = 'admin' "
              "LIMIT 1"},
};

}  // namespace lox::db::sql
