#pragma once
// Every prepared statement Loxodon uses, prepared once per connection when it opens.
// Repositories call them by name; the SQL lives only here and in migrations/.

#include "db/account_sql.hpp"

#include <array>
#include <string_view>

namespace lox::db::sql {

struct Statement {
  const char* name;
  const char* text;
};

// A page read in Mastodon's two directions, written once: `name` newest first (max_id and
// since_id), `name`_up oldest first from min_id, which the repository reverses
// (db/paged_statement.hpp). `query` is everything before the ORDER BY, `key` the column that
// pages; the limit is $4.
#define LOX_PAGED_STATEMENTS(name, query, key)                              \
  ::lox::db::sql::Statement{name, query " ORDER BY " key " DESC LIMIT $4"}, \
      ::lox::db::sql::Statement {                                           \
    name "_up", query " ORDER BY " key " ASC LIMIT $4"                      \
  }

inline constexpr std::array kStatements = {
    Statement{"ping", "SELECT 1"},
    // --- jobs -------------------------------------------------------------------------------
    Statement{"jobs_enqueue",
              "INSERT INTO jobs (queue, kind, payload, priority, max_attempts, run_at, dedupe_key,"
              "  concurrency_key) "
              "VALUES ($1, $2, $3::jsonb, $4, $5, now() + make_interval(secs => $6), $7, $8) "
              "ON CONFLICT (queue, dedupe_key) "
              "  WHERE dedupe_key IS NOT NULL AND state IN ('available','retryable','running') "
              "DO NOTHING RETURNING id"},
    // Claims up to $4 jobs. A job with a concurrency key is taken only while fewer than $5 jobs
    // with that key are running: saturated keys are skipped (so a backlog for one slow host does
    // not hold up the rest) and a batch takes no more of one key than its free slots. Claimers
    // serialise on jobs_claim_lock (its own statement, so the claim's snapshot is taken after
    // the previous claimer committed) for the count to hold across processes; claims are
    // batched and short, so this costs little. A running job whose lease has run out (its
    // worker died; no heartbeat extends it) holds no slot while it waits for the reaper.
    Statement{"jobs_claim_lock", "SELECT pg_advisory_xact_lock(7353000001)"},
    Statement{
        "jobs_claim",
        "WITH busy AS ("
        "  SELECT concurrency_key, count(*) AS running FROM jobs"
        "  WHERE state = 'running' AND concurrency_key IS NOT NULL AND locked_until > now()"
        "  GROUP BY 1), "
        "candidates AS ("
        "  SELECT j.id, j.concurrency_key, j.priority, j.run_at FROM jobs j"
        "  WHERE j.state IN ('available','retryable') AND j.run_at <= now()"
        "    AND j.queue = ANY($1::text[])"
        "    AND (j.concurrency_key IS NULL OR j.concurrency_key NOT IN ("
        "      SELECT concurrency_key FROM busy WHERE running >= $5))"
        "  ORDER BY j.priority, j.run_at, j.id LIMIT $4 * 4 FOR UPDATE SKIP LOCKED), "
        "ranked AS ("
        "  SELECT c.*, row_number() OVER (PARTITION BY c.concurrency_key"
        "    ORDER BY c.priority, c.run_at, c.id) AS nth FROM candidates c), "
        "next AS ("
        "  SELECT r.id FROM ranked r LEFT JOIN busy b ON b.concurrency_key = r.concurrency_key"
        "  WHERE r.concurrency_key IS NULL OR r.nth + coalesce(b.running, 0) <= $5"
        "  ORDER BY r.priority, r.run_at, r.id LIMIT $4) "
        "UPDATE jobs j SET state = 'running', attempt = j.attempt + 1, locked_by = $2,"
        "  locked_until = now() + make_interval(secs => $3) "
        "FROM next WHERE j.id = next.id "
        "RETURNING j.id, j.queue, j.kind, j.payload::text, j.attempt, j.max_attempts"},
    Statement{"jobs_complete",
              "DELETE FROM jobs WHERE id = $1 AND locked_by = $2 AND attempt = $3 "
              "AND state = 'running'"},
    // Mastodon's retry curve: attempt^4 + 15 s, plus jitter up to 10 s per attempt.
    Statement{"jobs_fail",
              "UPDATE jobs SET"
              "  state = CASE WHEN $5 OR attempt >= max_attempts THEN 'discarded'::job_state"
              "               ELSE 'retryable'::job_state END,"
              "  run_at = now() + make_interval(secs => power(attempt, 4) + 15"
              "                                 + floor(random() * 10) * (attempt + 1)),"
              "  finished_at = CASE WHEN $5 OR attempt >= max_attempts THEN now() END,"
              "  last_error = left($4, 2000), locked_by = NULL, locked_until = NULL "
              "WHERE id = $1 AND locked_by = $2 AND attempt = $3 AND state = 'running'"},
    Statement{"jobs_extend_lease",
              "UPDATE jobs SET locked_until = now() + make_interval(secs => $4) "
              "WHERE id = $1 AND locked_by = $2 AND attempt = $3 AND state = 'running'"},
    // An expired lease means the worker died or stalled: the attempt counts as failed.
    Statement{"jobs_reap",
              "UPDATE jobs SET"
              "  state = CASE WHEN attempt >= max_attempts THEN 'discarded'::job_state"
              "               ELSE 'retryable'::job_state END,"
              "  finished_at = CASE WHEN attempt >= max_attempts THEN now() END,"
              "  run_at = now(), last_error = 'lease expired (worker ' || locked_by || ' stopped)',"
              "  locked_by = NULL, locked_until = NULL "
              "WHERE state = 'running' AND locked_until < now()"},
    // A worker that stops gracefully hands back a job it holds without counting the attempt.
    // Fenced like completion: only the exact attempt this worker claimed.
    Statement{"jobs_release",
              "UPDATE jobs SET state = 'available', attempt = greatest(attempt - 1, 0),"
              "  locked_by = NULL, locked_until = NULL, run_at = now() "
              "WHERE id = $1 AND locked_by = $2 AND attempt = $3 AND state = 'running'"},
    Statement{"jobs_delete_finished",
              "DELETE FROM jobs WHERE state = 'discarded' AND finished_at < now() - "
              "make_interval(days => $1)"},
    // Finished jobs leave dead entries at the head of the claim indexes that every claim
    // would walk through until autovacuum's next round (up to a minute away), and a burst of
    // new jobs leaves statistics that make the planner sort the whole queue instead of walking
    // the index: the runtime vacuums and analyzes after bursts. SKIP_LOCKED: another process's
    // run is as good.
    Statement{"jobs_vacuum", "VACUUM (ANALYZE, SKIP_LOCKED) jobs"},
    Statement{"jobs_counts", "SELECT state::text, count(*) FROM jobs GROUP BY state"},
    // --- instance --------------------------------------------------------------------------
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
    // --- secrets ---------------------------------------------------------------------------
    Statement{"secret_insert",
              "INSERT INTO instance_secrets (name, value) VALUES ($1, $2) "
              "ON CONFLICT (name) DO NOTHING"},
    Statement{"secret_get", "SELECT value FROM instance_secrets WHERE name = $1"},
    // --- accounts and users --------------------------------------------------------------------
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
    // --- sign-in throttling and sessions -------------------------------------------------------
    // An attempt is recorded before the password is checked and removed when it succeeds, so
    // parallel guesses all see each other.
    Statement{"failed_login_insert",
              "INSERT INTO failed_logins (ip, login_key) VALUES ($1::inet, $2) RETURNING id"},
    Statement{"failed_login_delete", "DELETE FROM failed_logins WHERE id = $1"},
    Statement{"failed_logins_by_ip",
              "SELECT count(*) FROM failed_logins WHERE ip = $1::inet "
              "AND created_at > now() - make_interval(secs => $2)"},
    Statement{"failed_logins_by_key",
              "SELECT count(*) FROM failed_logins WHERE login_key = $1 "
              "AND created_at > now() - make_interval(secs => $2)"},
    Statement{"failed_logins_clear_key", "DELETE FROM failed_logins WHERE login_key = $1"},
    Statement{"failed_logins_prune",
              "DELETE FROM failed_logins WHERE created_at < now() - interval '1 day'"},
    Statement{"session_insert",
              "INSERT INTO web_sessions (token_hash, user_id, ip, user_agent) "
              "VALUES ($1, $2, $3::inet, left($4, 500))"},
    Statement{"session_user",
              "UPDATE web_sessions SET last_seen_at = now() WHERE token_hash = $1 "
              "AND last_seen_at > now() - interval '30 days' RETURNING user_id"},
    Statement{"session_delete", "DELETE FROM web_sessions WHERE token_hash = $1"},
    Statement{"sessions_delete_user", "DELETE FROM web_sessions WHERE user_id = $1"},
    Statement{"sessions_delete_others",
              "DELETE FROM web_sessions WHERE user_id = $1 AND token_hash <> $2"},
    // --- invites -------------------------------------------------------------------------------
    Statement{"invite_insert",
              "INSERT INTO invites (code, created_by, max_uses, expires_at) VALUES ($1, $2, $3, "
              "CASE WHEN $4::bigint IS NULL THEN NULL ELSE now() + make_interval(secs => $4) END) "
              "RETURNING id"},
    Statement{"invite_use",
              "UPDATE invites SET uses = uses + 1 WHERE code = $1 "
              "AND (max_uses IS NULL OR uses < max_uses) "
              "AND (expires_at IS NULL OR expires_at > now()) RETURNING id"},
    Statement{"invite_valid",
              "SELECT id FROM invites WHERE code = $1 AND (max_uses IS NULL OR uses < max_uses) "
              "AND (expires_at IS NULL OR expires_at > now())"},
    // --- OAuth ---------------------------------------------------------------------------------
    Statement{
        "app_insert",
        "INSERT INTO oauth_applications (id, name, website, redirect_uris, scopes, client_id, "
        "client_secret_hash) VALUES ($1, $2, $3, $4::text[], $5, $6, $7)"},
    Statement{"app_by_client_id",
              "SELECT id, name, website, redirect_uris::text, scopes, client_id, "
              "client_secret_hash, (extract(epoch FROM created_at) * 1000)::bigint "
              "FROM oauth_applications WHERE client_id = $1"},
    Statement{"app_by_id",
              "SELECT id, name, website, redirect_uris::text, scopes, client_id, "
              "client_secret_hash, (extract(epoch FROM created_at) * 1000)::bigint "
              "FROM oauth_applications WHERE id = $1"},
    Statement{"grant_insert",
              "INSERT INTO oauth_access_grants (code_hash, application_id, user_id, redirect_uri, "
              "scopes, code_challenge, code_challenge_method, expires_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, now() + interval '10 minutes')"},
    // Locks the grant so two concurrent exchanges of one code cannot both succeed.
    Statement{"grant_by_code",
              "SELECT id, application_id, user_id, redirect_uri, scopes, code_challenge, "
              "code_challenge_method, expires_at < now(), used_at IS NOT NULL "
              "FROM oauth_access_grants WHERE code_hash = $1 FOR UPDATE"},
    Statement{"grant_mark_used", "UPDATE oauth_access_grants SET used_at = now() WHERE id = $1"},
    // A replayed code revokes what it issued (RFC 6749 §4.1.2).
    Statement{"tokens_revoke_for_grant",
              "UPDATE oauth_access_tokens SET revoked_at = now() WHERE grant_id = $1 "
              "AND revoked_at IS NULL"},
    Statement{"token_insert",
              "INSERT INTO oauth_access_tokens (id, token_hash, application_id, user_id, grant_id, "
              "scopes) VALUES ($1, $2, $3, $4, $5, $6)"},
    Statement{"token_by_hash",
              "SELECT id, application_id, user_id, scopes, "
              "(extract(epoch FROM created_at) * 1000)::bigint, revoked_at IS NOT NULL "
              "FROM oauth_access_tokens WHERE token_hash = $1"},
    Statement{"token_touch",
              "UPDATE oauth_access_tokens SET last_used_at = now() WHERE id = $1 "
              "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 hour')"},
    Statement{"token_revoke_for_app",
              "UPDATE oauth_access_tokens SET revoked_at = now() WHERE token_hash = $1 "
              "AND application_id = $2 AND revoked_at IS NULL"},
    Statement{"token_app", "SELECT application_id FROM oauth_access_tokens WHERE token_hash = $1"},
    Statement{"authorized_apps",
              "SELECT a.id, a.name, a.website, a.redirect_uris::text, "
              "string_agg(DISTINCT t.scopes, ' '), a.client_id, '', "
              "(extract(epoch FROM min(t.created_at)) * 1000)::bigint "
              "FROM oauth_access_tokens t JOIN oauth_applications a ON a.id = t.application_id "
              "WHERE t.user_id = $1 AND t.revoked_at IS NULL GROUP BY a.id ORDER BY a.name"},
    Statement{"tokens_revoke_user_app",
              "UPDATE oauth_access_tokens SET revoked_at = now() WHERE user_id = $1 "
              "AND application_id = $2 AND revoked_at IS NULL"},
    Statement{"grants_delete_user_app",
              "DELETE FROM oauth_access_grants WHERE user_id = $1 AND application_id = $2 "
              "AND used_at IS NULL"},
    Statement{"tokens_revoke_user",
              "UPDATE oauth_access_tokens SET revoked_at = now() WHERE user_id = $1 "
              "AND revoked_at IS NULL"},
    Statement{"grants_delete_user",
              "DELETE FROM oauth_access_grants WHERE user_id = $1 AND used_at IS NULL"},
};

}  // namespace lox::db::sql
