#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/oauth.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct NewAccessGrant {
  std::string code_hash;
  std::int64_t application_id = 0;
  std::int64_t user_id = 0;
  std::string redirect_uri;
  std::string scopes;
  std::optional<std::string> code_challenge;
  std::optional<std::string> code_challenge_method;
};

struct NewAccessToken {
  std::int64_t id = 0;
  std::string token_hash;
  std::optional<std::int64_t> application_id;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> grant_id;
  std::string scopes;
};

// A bearer token as an API request authenticates with it: the token, its user (none for an
// application's own token) and whether the hourly last-used and last-active touches are due.
struct TokenWithUser {
  domain::AccessToken token;
  std::optional<domain::UserWithAccount> user;
  bool token_touch_due = false;
  bool activity_touch_due = false;
};

// Applications, authorization codes and access tokens. Codes, tokens and client secrets are
// stored only as SHA-256 hashes.
class OAuthRepository {
 public:
  static void insert_application(Tx& tx, const domain::OAuthApplication& app);
  static std::optional<domain::OAuthApplication> application_by_client_id(
      Tx& tx, const std::string& client_id);
  static std::optional<domain::OAuthApplication> application(Tx& tx, std::int64_t id);

  static void insert_grant(Tx& tx, const NewAccessGrant& grant);
  // Locks the grant row for the rest of the transaction.
  static std::optional<domain::AccessGrant> grant_by_code_for_update(Tx& tx,
                                                                     const std::string& code_hash);
  static void mark_grant_used(Tx& tx, std::int64_t grant_id);
  static void revoke_tokens_of_grant(Tx& tx, std::int64_t grant_id);

  static void insert_token(Tx& tx, const NewAccessToken& token);
  static std::optional<domain::AccessToken> token_by_hash(Tx& tx, const std::string& token_hash);
  // One round trip; a token whose user is gone has no user.
  static std::optional<TokenWithUser> token_with_user(Tx& tx, const std::string& token_hash);
  static void touch_token(Tx& tx, std::int64_t token_id);
  static std::optional<std::optional<std::int64_t>> token_application(
      Tx& tx, const std::string& token_hash);
  static bool revoke_token(Tx& tx, const std::string& token_hash, std::int64_t application_id);

  // Applications holding live tokens of this user (scopes merged), for the settings page.
  static std::vector<domain::OAuthApplication> authorized_applications(Tx& tx,
                                                                       std::int64_t user_id);
  static void revoke_user_application(Tx& tx, std::int64_t user_id, std::int64_t application_id);
  static void revoke_all_of_user(Tx& tx, std::int64_t user_id);
};

}  // namespace lox::db
