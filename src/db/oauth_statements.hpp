#pragma once
// Prepared statements of OAuth applications, authorization grants and access tokens
// (oauth_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kOAuthStatements = {
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
