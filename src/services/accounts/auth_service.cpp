#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/oauth_repository.hpp>
#include <loxodon/db/sign_in_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/accounts/oauth_error.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/ip_network.hpp>
#include <loxodon/util/password.hpp>

#include <algorithm>

namespace lox::services {

void publish_tokens_revoked(db::Tx& tx, std::int64_t account_id) {
  streaming::publish(tx, {streaming::Event::Kind::kAccessRevoked, 0, account_id, {}});
}

namespace {
void publish_user_tokens_revoked(db::Tx& tx, std::int64_t user_id) {
  if (auto owner = db::AccountRepository::user_light(tx, user_id)) {
    publish_tokens_revoked(tx, owner->account.id);
  }
}
}  // namespace

namespace {

constexpr std::size_t kMaxAppNameLength = 60;
constexpr std::size_t kMaxRedirectUriLength = 2000;

// Doorkeeper's rule: an absolute URI (any scheme, custom ones included) without a fragment,
// or the out-of-band marker.
bool valid_redirect_uri(const std::string& uri) {
  if (uri == domain::kOutOfBandRedirect) return true;
  if (uri.empty() || uri.size() > kMaxRedirectUriLength || !valid_utf8(uri)) return false;
  auto colon = uri.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(uri[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = uri[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  if (colon + 1 >= uri.size()) return false;
  if (uri.find('#') != std::string::npos) return false;
  return std::none_of(uri.begin(), uri.end(),
                      [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}

const char* kInvalidLogin = "Invalid email or password.";

// Verifying against a fixed hash when the account does not exist keeps the answer time the same,
// so response timing does not tell which addresses have accounts.
const std::string& dummy_password_hash() {
  static const std::string hash = hash_password("loxodon-timing-equaliser");
  return hash;
}

}  // namespace

std::optional<std::string> login_blocked_reason(const domain::UserWithAccount& u) {
  if (u.user.disabled || u.account.suspended_at) return "Your login is currently disabled";
  if (!u.user.confirmed) return "Your login is missing a confirmed e-mail address";
  if (!u.user.approved) return "Your login is currently pending approval";
  return std::nullopt;
}

AuthService::AuthService(const config::Config& config, db::Database& db,
                         asio::thread_pool& blocking, SnowflakeGenerator& ids)
    : config_(config), db_(db), blocking_(blocking), ids_(ids) {}

awaitable<RegisteredApp> AuthService::register_app(AppRegistration r) {
  ValidationErrors errors;
  if (r.name.empty()) {
    errors.add("name", "Name", "ERR_BLANK", "can't be blank");
  } else if (!valid_utf8(r.name) || utf8_length(r.name) > kMaxAppNameLength) {
    errors.add("name", "Name", "ERR_TOO_LONG", "is too long (maximum is 60 characters)");
  }
  if (r.redirect_uris.empty()) {
    errors.add("redirect_uri", "Redirect URI", "ERR_BLANK", "can't be blank");
  }
  for (const auto& uri : r.redirect_uris) {
    if (!valid_redirect_uri(uri)) {
      errors.add("redirect_uri", "Redirect URI", "ERR_INVALID", "must be an absolute URI.");
      break;
    }
  }
  if (r.scopes.empty()) r.scopes = "read";
  auto scopes = domain::ScopeSet::parse(r.scopes);
  if (scopes.empty() || !scopes.first_unknown().empty()) {
    errors.add("scopes", "Scopes", "ERR_INVALID", "are invalid");
  }
  if (r.website && (r.website->size() > kMaxRedirectUriLength || !valid_utf8(*r.website))) {
    errors.add("website", "Website", "ERR_INVALID", "is invalid");
  }
  errors.throw_if_any();

  RegisteredApp out;
  out.app.id = ids_.next();
  out.app.name = r.name;
  out.app.website = r.website && !r.website->empty() ? r.website : std::nullopt;
  out.app.redirect_uris = r.redirect_uris;
  out.app.scopes = scopes.to_string();
  out.app.client_id = random_token();
  out.client_secret = random_token();
  out.app.client_secret_hash = sha256_hex(out.client_secret);
  out.app.created_at = std::chrono::system_clock::now();
  co_await db_.tx([&](db::Tx& tx) { db::OAuthRepository::insert_application(tx, out.app); });
  co_return out;
}

awaitable<ValidatedAuthorization> AuthService::validate_authorization(AuthorizationRequest r) {
  std::string client_id = r.client_id;
  auto app = co_await db_.tx(
      [&](db::Tx& tx) { return db::OAuthRepository::application_by_client_id(tx, client_id); });
  if (!app) {
    throw OAuthError("invalid_client",
                     "Client authentication failed due to unknown client, no client "
                     "authentication included, or unsupported authentication method.",
                     401);
  }
  ValidatedAuthorization v;
  v.app = *app;
  if (r.redirect_uri.empty() && app->redirect_uris.size() == 1) {
    r.redirect_uri = app->redirect_uris.front();
  }
  if (std::find(app->redirect_uris.begin(), app->redirect_uris.end(), r.redirect_uri) ==
      app->redirect_uris.end()) {
    throw OAuthError(
        "invalid_redirect_uri",
        "The requested redirect uri is malformed or doesn't match client redirect URI.");
  }
  v.redirect_uri = r.redirect_uri;
  if (r.response_type != "code") {
    throw OAuthError("unsupported_response_type",
                     "The authorization server does not support this response type.", 400, true)
        .with_redirect_uri(v.redirect_uri);
  }
  v.scopes = domain::ScopeSet::parse(r.scope.empty() ? "read" : r.scope);
  if (v.scopes.empty() || !v.scopes.first_unknown().empty() ||
      !v.scopes.subset_of(domain::ScopeSet::parse(app->scopes))) {
    throw OAuthError("invalid_scope", "The requested scope is invalid, unknown, or malformed.", 400,
                     true)
        .with_redirect_uri(v.redirect_uri);
  }
  if (!r.code_challenge.empty()) {
    if (r.code_challenge_method != "S256") {
      throw OAuthError("invalid_request", "The code_challenge_method must be S256.", 400, true)
          .with_redirect_uri(v.redirect_uri);
    }
    v.code_challenge = r.code_challenge;
    v.code_challenge_method = r.code_challenge_method;
  }
  co_return v;
}

awaitable<std::string> AuthService::issue_code(ValidatedAuthorization v, std::int64_t user_id) {
  std::string code = random_token();
  db::NewAccessGrant grant;
  grant.code_hash = sha256_hex(code);
  grant.application_id = v.app.id;
  grant.user_id = user_id;
  grant.redirect_uri = v.redirect_uri;
  grant.scopes = v.scopes.to_string();
  grant.code_challenge = v.code_challenge;
  grant.code_challenge_method = v.code_challenge_method;
  co_await db_.tx([&](db::Tx& tx) { db::OAuthRepository::insert_grant(tx, grant); });
  co_return code;
}

awaitable<domain::OAuthApplication> AuthService::authenticate_client(
    const std::string& client_id, const std::string& client_secret) {
  auto app = co_await db_.tx(
      [&](db::Tx& tx) { return db::OAuthRepository::application_by_client_id(tx, client_id); });
  if (!app || client_secret.empty() ||
      !constant_time_equals(app->client_secret_hash, sha256_hex(client_secret))) {
    throw OAuthError("invalid_client",
                     "Client authentication failed due to unknown client, no client "
                     "authentication included, or unsupported authentication method.",
                     401);
  }
  co_return *app;
}

awaitable<IssuedToken> AuthService::store_token(std::optional<std::int64_t> application_id,
                                                std::optional<std::int64_t> user_id,
                                                std::optional<std::int64_t> grant_id,
                                                std::string scopes) {
  IssuedToken issued;
  issued.access_token = random_token();
  issued.scopes = scopes;
  issued.created_at = std::chrono::system_clock::now();
  db::NewAccessToken row{
      ids_.next(), sha256_hex(issued.access_token), application_id, user_id, grant_id, scopes};
  co_await db_.tx([&](db::Tx& tx) { db::OAuthRepository::insert_token(tx, row); });
  co_return issued;
}

namespace {

OAuthError invalid_grant() {
  return OAuthError("invalid_grant",
                    "The provided authorization grant is invalid, expired, revoked, does not "
                    "match the redirection URI used in the authorization request, or was issued "
                    "to another client.");
}

// The scopes a token request asks for ("read" when it names none), within the app's own.
domain::ScopeSet requested_scopes(const domain::OAuthApplication& app, const std::string& scope) {
  auto scopes = domain::ScopeSet::parse(scope.empty() ? "read" : scope);
  if (!scopes.first_unknown().empty() || !scopes.subset_of(domain::ScopeSet::parse(app.scopes))) {
    throw OAuthError("invalid_scope", "The requested scope is invalid, unknown, or malformed.");
  }
  return scopes;
}

}  // namespace

awaitable<IssuedToken> AuthService::exchange(TokenRequest r) {
  if (r.grant_type == "authorization_code") co_return co_await exchange_code(r);
  if (r.grant_type == "client_credentials") {
    auto app = co_await authenticate_client(r.client_id, r.client_secret);
    auto scopes = requested_scopes(app, r.scope);
    co_return co_await store_token(app.id, std::nullopt, std::nullopt, scopes.to_string());
  }
  if (r.grant_type == "password" && config_.oauth_password_grant) {
    co_return co_await exchange_password(r);
  }
  throw OAuthError("unsupported_grant_type",
                   "The authorization grant type is not supported by the authorization server.");
}

awaitable<IssuedToken> AuthService::exchange_code(const TokenRequest& r) {
  auto app = co_await authenticate_client(r.client_id, r.client_secret);
  if (r.code.empty()) throw invalid_grant();
  std::string code_hash = sha256_hex(r.code);
  IssuedToken issued;
  issued.access_token = random_token();
  issued.created_at = std::chrono::system_clock::now();
  std::int64_t token_id = ids_.next();
  std::string token_hash = sha256_hex(issued.access_token);
  // One transaction: the grant row is locked, checked, spent and turned into a token, so two
  // concurrent exchanges of one code cannot both succeed.
  enum class Outcome { kIssued, kInvalid, kReplayed };
  auto outcome = co_await db_.tx([&](db::Tx& tx) {
    auto grant = db::OAuthRepository::grant_by_code_for_update(tx, code_hash);
    if (!grant || grant->application_id != app.id) return Outcome::kInvalid;
    if (grant->used) {
      db::OAuthRepository::revoke_tokens_of_grant(tx, grant->id);
      publish_user_tokens_revoked(tx, grant->user_id);
      return Outcome::kReplayed;
    }
    if (grant->expired || grant->redirect_uri != r.redirect_uri) return Outcome::kInvalid;
    // A code issued just before a suspension must not turn into a token after it.
    auto owner = db::AccountRepository::user_light(tx, grant->user_id);
    if (!owner || owner->user.disabled || owner->account.suspended_at) return Outcome::kInvalid;
    if (grant->code_challenge) {
      if (r.code_verifier.empty() ||
          !constant_time_equals(base64url_encode(sha256(r.code_verifier)),
                                *grant->code_challenge)) {
        return Outcome::kInvalid;
      }
    }
    db::OAuthRepository::mark_grant_used(tx, grant->id);
    db::OAuthRepository::insert_token(
        tx, {token_id, token_hash, app.id, grant->user_id, grant->id, grant->scopes});
    issued.scopes = grant->scopes;
    return Outcome::kIssued;
  });
  if (outcome != Outcome::kIssued) throw invalid_grant();
  co_return issued;
}

awaitable<IssuedToken> AuthService::exchange_password(const TokenRequest& r) {
  auto app = co_await authenticate_client(r.client_id, r.client_secret);
  auto scopes = requested_scopes(app, r.scope);
  std::optional<domain::UserWithAccount> user;
  try {
    user = co_await sign_in(r.username, r.password, r.ip);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kTooManyRequests) throw;
  }
  if (!user) throw invalid_grant();
  co_return co_await store_token(app.id, user->user.id, std::nullopt, scopes.to_string());
}

awaitable<void> AuthService::revoke(std::string token, std::string client_id,
                                    std::string client_secret) {
  domain::OAuthApplication app;
  try {
    app = co_await authenticate_client(client_id, client_secret);
  } catch (const OAuthError&) {
    throw OAuthError("unauthorized_client", "You are not authorized to revoke this token", 403);
  }
  std::string hash = sha256_hex(token);
  auto owner =
      co_await db_.tx([&](db::Tx& tx) { return db::OAuthRepository::token_application(tx, hash); });
  if (!owner) co_return;  // unknown tokens: nothing to do (RFC 7009)
  if (*owner != app.id) {
    throw OAuthError("unauthorized_client", "You are not authorized to revoke this token", 403);
  }
  co_await db_.tx([&](db::Tx& tx) {
    auto revoked = db::OAuthRepository::token_by_hash(tx, hash);
    if (db::OAuthRepository::revoke_token(tx, hash, app.id) && revoked && revoked->user_id) {
      publish_user_tokens_revoked(tx, *revoked->user_id);
    }
  });
}

awaitable<IssuedToken> AuthService::token_for_new_account(std::int64_t application_id,
                                                          std::int64_t user_id) {
  auto app = co_await application(application_id);
  co_return co_await store_token(app.id, user_id, std::nullopt, app.scopes);
}

awaitable<IssuedToken> AuthService::personal_token(std::int64_t user_id, std::string scopes) {
  auto set = domain::ScopeSet::parse(scopes.empty() ? "read write follow push" : scopes);
  if (set.empty() || !set.first_unknown().empty()) {
    throw Error(ErrorCode::kUnprocessable, "Unknown scope '" + set.first_unknown() + "'");
  }
  co_return co_await store_token(std::nullopt, user_id, std::nullopt, set.to_string());
}

awaitable<std::optional<Caller>> AuthService::authenticate(std::string bearer_token) {
  if (bearer_token.empty()) co_return std::nullopt;
  std::string hash = sha256_hex(bearer_token);
  // On every API request: one statement reads the token and its user, without a transaction
  // (saving BEGIN and COMMIT); the hourly last-used and last-active touches, single idempotent
  // updates, follow only when that statement says they are due.
  co_return co_await db_.read([&](db::Tx& tx) -> std::optional<Caller> {
    auto found = db::OAuthRepository::token_with_user(tx, hash);
    if (!found || found->token.revoked) return std::nullopt;
    if (found->token.user_id && !found->user) return std::nullopt;
    Caller caller;
    caller.token = std::move(found->token);
    caller.scopes = domain::ScopeSet::parse(caller.token.scopes);
    caller.user = std::move(found->user);
    if (caller.user && found->activity_touch_due) {
      db::AccountRepository::touch_active(tx, caller.user->account.id);
    }
    if (found->token_touch_due) db::OAuthRepository::touch_token(tx, caller.token.id);
    return caller;
  });
}

awaitable<domain::OAuthApplication> AuthService::application(std::int64_t id) {
  auto app = co_await db_.tx([id](db::Tx& tx) { return db::OAuthRepository::application(tx, id); });
  if (!app) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return *app;
}

awaitable<domain::UserWithAccount> AuthService::sign_in(std::string login, std::string password,
                                                        std::string ip) {
  const auto& limits = config_.rate_limits;
  const bool limited = limits.enabled && !(limits.exempt_loopback && is_loopback_address(ip)) &&
                       parse_ip_address(ip).has_value();
  const std::int64_t window = limits.login_window.count();
  // Throttling keys on what was typed, so the answer is the same whether or not an account
  // exists; the attempt is recorded before the (slow) password check so parallel guesses count.
  const std::string login_key = domain::lowercase(login);
  const std::string network = throttle_key(ip);
  std::optional<std::int64_t> attempt;
  if (limited) {
    std::tuple<std::int64_t, std::int64_t, std::int64_t> counts = co_await db_.tx([&](db::Tx& tx) {
      auto id = db::SignInRepository::record_attempt(tx, network, login_key);
      return std::make_tuple(id, db::SignInRepository::attempts_by_ip(tx, network, window),
                             db::SignInRepository::attempts_by_login(tx, login_key, window));
    });
    attempt = std::get<0>(counts);
    if (std::get<1>(counts) > limits.failed_logins_per_ip ||
        std::get<2>(counts) > limits.failed_logins_per_account) {
      throw Error(ErrorCode::kTooManyRequests,
                  "Too many failed sign-in attempts. Try again later.");
    }
  }
  auto user =
      co_await db_.tx([&](db::Tx& tx) { return db::AccountRepository::user_by_login(tx, login); });
  std::string hash = user ? user->user.password_hash : dummy_password_hash();
  auto verify = [password, hash] { return verify_password(password, hash); };
  bool ok = co_await run_blocking(blocking_, verify);
  if (!ok || !user) throw Error(ErrorCode::kUnauthorized, kInvalidLogin);
  if (user->user.disabled || user->account.suspended_at) {
    throw Error(ErrorCode::kUnauthorized, "Your login is currently disabled");
  }
  co_await db_.tx([&](db::Tx& tx) {
    if (attempt) db::SignInRepository::forget_attempt(tx, *attempt);
    db::SignInRepository::clear_attempts(tx, login_key);
    db::AccountRepository::signed_in(tx, user->user.id);
  });
  co_return *user;
}

awaitable<std::string> AuthService::create_session(std::int64_t user_id, std::string ip,
                                                   std::string user_agent) {
  std::string token = random_token();
  std::string hash = sha256_hex(token);
  if (!parse_ip_address(ip)) ip.clear();
  co_await db_.tx(
      [&](db::Tx& tx) { db::SignInRepository::create_session(tx, hash, user_id, ip, user_agent); });
  co_return token;
}

awaitable<std::optional<domain::UserWithAccount>> AuthService::session_user(std::string token) {
  if (token.empty()) co_return std::nullopt;
  std::string hash = sha256_hex(token);
  co_return co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::UserWithAccount> {
    auto user_id = db::SignInRepository::session_user(tx, hash);
    if (!user_id) return std::nullopt;
    return db::AccountRepository::user(tx, *user_id);
  });
}

awaitable<void> AuthService::end_session(std::string token) {
  std::string hash = sha256_hex(token);
  co_await db_.tx([&](db::Tx& tx) { db::SignInRepository::delete_session(tx, hash); });
}

awaitable<std::vector<domain::OAuthApplication>> AuthService::authorized_applications(
    std::int64_t user_id) {
  co_return co_await db_.tx(
      [user_id](db::Tx& tx) { return db::OAuthRepository::authorized_applications(tx, user_id); });
}

awaitable<void> AuthService::revoke_application(std::int64_t user_id, std::int64_t application_id) {
  co_await db_.tx([&](db::Tx& tx) {
    db::OAuthRepository::revoke_user_application(tx, user_id, application_id);
    publish_user_tokens_revoked(tx, user_id);
  });
}

}  // namespace lox::services
