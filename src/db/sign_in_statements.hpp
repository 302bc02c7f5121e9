#pragma once
// Prepared statements of signing in: failed attempts (throttling), web sessions and invites
// (sign_in_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kSignInStatements = {
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
};

}  // namespace lox::db::sql
