#include "db/account_rows.hpp"
#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/oauth_repository.hpp>

namespace lox::db {

namespace {

// The token columns token_by_hash selects (token_with_user starts with the same six).
domain::AccessToken read_token(const pqxx::row& row) {
  domain::AccessToken t;
  t.id = row[0].as<std::int64_t>();
  t.application_id = nullable<std::int64_t>(row[1]);
  t.user_id = nullable<std::int64_t>(row[2]);
  t.scopes = row[3].as<std::string>();
  t.created_at =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(row[4].as<long long>()));
  t.revoked = row[5].as<bool>();
  return t;
}

domain::OAuthApplication read_app(const pqxx::row& row) {
  domain::OAuthApplication app;
  app.id = row[0].as<std::int64_t>();
  app.name = row[1].as<std::string>();
  app.website = nullable<std::string>(row[2]);
  app.redirect_uris = from_pg_text_array(row[3].as<std::string>());
  app.scopes = row[4].as<std::string>();
  app.client_id = row[5].as<std::string>();
  app.client_secret_hash = row[6].as<std::string>();
  app.created_at =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(row[7].as<long long>()));
  return app;
}

}  // namespace

void OAuthRepository::insert_application(Tx& tx, const domain::OAuthApplication& app) {
  tx.exec("app_insert", app.id, app.name, app.website, to_pg_text_array(app.redirect_uris),
          app.scopes, app.client_id, app.client_secret_hash);
}

std::optional<domain::OAuthApplication> OAuthRepository::application_by_client_id(
    Tx& tx, const std::string& client_id) {
  auto r = tx.exec("app_by_client_id", client_id);
  if (r.empty()) return std::nullopt;
  return read_app(r[0]);
}

std::optional<domain::OAuthApplication> OAuthRepository::application(Tx& tx, std::int64_t id) {
  auto r = tx.exec("app_by_id", id);
  if (r.empty()) return std::nullopt;
  return read_app(r[0]);
}

void OAuthRepository::insert_grant(Tx& tx, const NewAccessGrant& g) {
  tx.exec("grant_insert", g.code_hash, g.application_id, g.user_id, g.redirect_uri, g.scopes,
          g.code_challenge, g.code_challenge_method);
}

std::optional<domain::AccessGrant> OAuthRepository::grant_by_code_for_update(
    Tx& tx, const std::string& code_hash) {
  auto r = tx.exec("grant_by_code", code_hash);
  if (r.empty()) return std::nullopt;
  const auto& row = r[0];
  domain::AccessGrant g;
  g.id = row[0].as<std::int64_t>();
  g.application_id = row[1].as<std::int64_t>();
  g.user_id = row[2].as<std::int64_t>();
  g.redirect_uri = row[3].as<std::string>();
  g.scopes = row[4].as<std::string>();
  g.code_challenge = nullable<std::string>(row[5]);
  g.code_challenge_method = nullable<std::string>(row[6]);
  g.expired = row[7].as<bool>();
  g.used = row[8].as<bool>();
  return g;
}

void OAuthRepository::mark_grant_used(Tx& tx, std::int64_t grant_id) {
  tx.exec("grant_mark_used", grant_id);
}

void OAuthRepository::revoke_tokens_of_grant(Tx& tx, std::int64_t grant_id) {
  tx.exec("tokens_revoke_for_grant", grant_id);
}

void OAuthRepository::insert_token(Tx& tx, const NewAccessToken& t) {
  tx.exec("token_insert", t.id, t.token_hash, t.application_id, t.user_id, t.grant_id, t.scopes);
}

std::optional<domain::AccessToken> OAuthRepository::token_by_hash(Tx& tx,
                                                                  const std::string& token_hash) {
  auto r = tx.exec("token_by_hash", token_hash);
  if (r.empty()) return std::nullopt;
  return read_token(r[0]);
}

std::optional<TokenWithUser> OAuthRepository::token_with_user(Tx& tx,
                                                              const std::string& token_hash) {
  auto r = tx.exec("token_with_user", token_hash);
  if (r.empty()) return std::nullopt;
  const auto& row = r[0];
  // The account and user columns follow the token's eight (see the statement).
  constexpr int kAccountOffset = 8;
  TokenWithUser found;
  found.token = read_token(row);
  found.token_touch_due = row[6].as<bool>();
  if (!row[kAccountOffset].is_null()) {
    found.user = domain::UserWithAccount{read_user(row, kAccountOffset + kAccountColumnCount),
                                         read_account(row, kAccountOffset)};
    found.activity_touch_due = row[7].as<bool>();
  }
  return found;
}

void OAuthRepository::touch_token(Tx& tx, std::int64_t token_id) {
  tx.exec("token_touch", token_id);
}

std::optional<std::optional<std::int64_t>> OAuthRepository::token_application(
    Tx& tx, const std::string& token_hash) {
  auto r = tx.exec("token_app", token_hash);
  if (r.empty()) return std::nullopt;
  return nullable<std::int64_t>(r[0][0]);
}

bool OAuthRepository::revoke_token(Tx& tx, const std::string& token_hash,
                                   std::int64_t application_id) {
  return tx.exec("token_revoke_for_app", token_hash, application_id).affected_rows() > 0;
}

std::vector<domain::OAuthApplication> OAuthRepository::authorized_applications(
    Tx& tx, std::int64_t user_id) {
  std::vector<domain::OAuthApplication> out;
  for (const auto& row : tx.exec("authorized_apps", user_id)) {
    auto app = read_app(row);
    // Merge the scopes of every live token into one de-duplicated list.
    std::string merged;
    std::size_t pos = 0;
    while (pos < app.scopes.size()) {
      auto end = app.scopes.find(' ', pos);
      if (end == std::string::npos) end = app.scopes.size();
      std::string scope = app.scopes.substr(pos, end - pos);
      if (!scope.empty() && (" " + merged + " ").find(" " + scope + " ") == std::string::npos) {
        merged += merged.empty() ? scope : " " + scope;
      }
      pos = end + 1;
    }
    app.scopes = merged;
    out.push_back(std::move(app));
  }
  return out;
}

void OAuthRepository::revoke_user_application(Tx& tx, std::int64_t user_id,
                                              std::int64_t application_id) {
  tx.exec("tokens_revoke_user_app", user_id, application_id);
  tx.exec("grants_delete_user_app", user_id, application_id);
}

void OAuthRepository::revoke_all_of_user(Tx& tx, std::int64_t user_id) {
  tx.exec("tokens_revoke_user", user_id);
  tx.exec("grants_delete_user", user_id);
}

}  // namespace lox::db
