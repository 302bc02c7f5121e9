#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/oauth.hpp>
#include <loxodon/domain/scopes.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct AppRegistration {
  std::string name;
  std::vector<std::string> redirect_uris;
  std::string scopes;  // default "read"
  std::optional<std::string> website;
};

struct RegisteredApp {
  domain::OAuthApplication app;
  std::string client_secret;  // shown once, stored only as a hash
};

struct IssuedToken {
  std::string access_token;  // shown once, stored only as a hash
  std::string scopes;
  std::chrono::system_clock::time_point created_at;
};

struct AuthorizationRequest {
  std::string response_type;
  std::string client_id;
  std::string redirect_uri;
  std::string scope;
  std::string code_challenge;
  std::string code_challenge_method;
};

struct ValidatedAuthorization {
  domain::OAuthApplication app;
  std::string redirect_uri;
  domain::ScopeSet scopes;
  std::optional<std::string> code_challenge;
  std::optional<std::string> code_challenge_method;
};

struct TokenRequest {
  std::string grant_type;
  std::string code;
  std::string redirect_uri;
  std::string client_id;
  std::string client_secret;
  std::string code_verifier;
  std::string scope;
  std::string username;  // password grant
  std::string password;
  std::string ip;
};

// Who is calling: the token, its scopes and, for user tokens, the user.
struct Caller {
  domain::AccessToken token;
  domain::ScopeSet scopes;
  std::optional<domain::UserWithAccount> user;
};

// Tells every process that tokens of `account_id` were revoked, in the revoking transaction:
// streams opened with a token that no longer works are closed.
void publish_tokens_revoked(db::Tx& tx, std::int64_t account_id);

// Why a signed-in user may not use the API yet, as Mastodon words it; nullopt when they may.
std::optional<std::string> login_blocked_reason(const domain::UserWithAccount& user);

// OAuth 2 as Mastodon serves it (Doorkeeper's rules), password sign-in with throttling, and
// browser sessions. Secrets (client secrets, codes, tokens, session cookies) are random, handed
// out once and stored only as SHA-256 hashes.
class AuthService {
 public:
  AuthService(const config::Config& config, db::Database& db, asio::thread_pool& blocking,
              SnowflakeGenerator& ids);

  awaitable<RegisteredApp> register_app(AppRegistration registration);

  // Checks client, redirect URI, response type, scopes and PKCE parameters. Throws OAuthError;
  // redirectable() tells whether the error may be sent to the redirect URI.
  awaitable<ValidatedAuthorization> validate_authorization(AuthorizationRequest request);
  // Issues a single-use code valid for ten minutes.
  awaitable<std::string> issue_code(ValidatedAuthorization authorization, std::int64_t user_id);
  // The token endpoint for authorization_code, client_credentials and (when enabled) password.
  awaitable<IssuedToken> exchange(TokenRequest request);
  // Revokes a token issued to this client; unknown tokens succeed silently (RFC 7009).
  awaitable<void> revoke(std::string token, std::string client_id, std::string client_secret);
  // The token POST /api/v1/accounts hands a new account: for the registering app, with the
  // app's scopes, as Mastodon does.
  awaitable<IssuedToken> token_for_new_account(std::int64_t application_id, std::int64_t user_id);
  // A token for a local user without an application (the CLI's `tokens create`).
  awaitable<IssuedToken> personal_token(std::int64_t user_id, std::string scopes);

  // The caller behind a bearer token; nullopt when unknown or revoked.
  awaitable<std::optional<Caller>> authenticate(std::string bearer_token);
  awaitable<domain::OAuthApplication> application(std::int64_t id);

  // Password sign-in with per-address and per-account throttling. Throws lox::Error:
  // 401 "Invalid email or password." or 429.
  awaitable<domain::UserWithAccount> sign_in(std::string login, std::string password,
                                             std::string ip);
  awaitable<std::string> create_session(std::int64_t user_id, std::string ip,
                                        std::string user_agent);
  awaitable<std::optional<domain::UserWithAccount>> session_user(std::string session_token);
  awaitable<void> end_session(std::string session_token);

  awaitable<std::vector<domain::OAuthApplication>> authorized_applications(std::int64_t user_id);
  awaitable<void> revoke_application(std::int64_t user_id, std::int64_t application_id);

 private:
  awaitable<domain::OAuthApplication> authenticate_client(const std::string& client_id,
                                                          const std::string& client_secret);
  awaitable<IssuedToken> store_token(std::optional<std::int64_t> application_id,
                                     std::optional<std::int64_t> user_id,
                                     std::optional<std::int64_t> grant_id, std::string scopes);
  // The authorization_code and password grants of exchange().
  awaitable<IssuedToken> exchange_code(const TokenRequest& request);
  awaitable<IssuedToken> exchange_password(const TokenRequest& request);

  const config::Config& config_;
  db::Database& db_;
  asio::thread_pool& blocking_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
