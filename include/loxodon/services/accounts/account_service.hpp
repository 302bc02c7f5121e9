#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/services/instance/mailer.hpp>
#include <loxodon/services/instance/read_your_writes.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
struct NewLocalAccount;
}  // namespace lox::db

namespace lox::services {

struct RegistrationRequest {
  std::string username;
  std::string email;
  std::string password;
  bool agreement = false;
  std::optional<std::string> locale;
  std::optional<std::string> reason;
  std::optional<std::string> invite_code;
  std::string ip;
};

struct AdminAccountRequest {
  std::string username;
  std::string email;
  std::string password;
  std::string role = "user";
};

struct ProfileUpdate {
  std::optional<std::string> display_name;
  std::optional<std::string> note;
  std::optional<bool> locked;
  std::optional<bool> bot;
  std::optional<bool> discoverable;
  std::optional<bool> indexable;
  std::optional<bool> hide_collections;
  std::optional<bool> hide_counts;  // on: needs a plan's privacy tools
  // The profile page's look (a plan's customization): "#rrggbb" or "" for none; light, dark
  // or auto.
  std::optional<std::string> accent_color;
  std::optional<std::string> profile_theme;
  std::optional<std::vector<domain::ProfileField>> fields;
  std::optional<std::string> privacy;
  std::optional<bool> sensitive;
  std::optional<std::string> language;
};

// Local accounts: registration under the instance's rules, profiles, the operator's actions
// (approve, suspend, reset a password) and the owner's (change password or e-mail, delete).
class AccountService {
 public:
  AccountService(const config::Config& config, db::Database& db, asio::thread_pool& blocking,
                 SnowflakeGenerator& ids, const Mailer& mailer, const ReadYourWrites& recent);

  // Applies the registration mode (open, approval, closed, invite), the per-address limit and
  // Mastodon's validations. Throws lox::Error: 403 closed, 422 invalid, 429 limited.
  awaitable<domain::UserWithAccount> register_account(RegistrationRequest request);
  // For the operator: confirmed and approved whatever the mode. Throws 422 when invalid.
  awaitable<domain::UserWithAccount> create_by_admin(AdminAccountRequest request);

  // An account as `viewer` (0: logged out) is shown it: read from the replica unless the viewer
  // wrote lately; one the replica does not have yet is looked for on the primary before a 404.
  awaitable<domain::Account> account(std::int64_t id, std::int64_t viewer);
  // "alice" or "alice@this.domain" for local accounts; 404 otherwise (until federation). Read as
  // account() reads.
  awaitable<domain::Account> lookup(std::string acct, std::int64_t viewer);
  awaitable<domain::UserWithAccount> user(std::int64_t user_id);
  awaitable<domain::UserWithAccount> user_by_username(std::string username);
  awaitable<domain::UserWithAccount> update_profile(std::int64_t user_id, ProfileUpdate update);
  // The look of the account's profile page: its owner's while they hold a plan's
  // customization, else the instance's.
  awaitable<domain::ProfileLook> profile_look(std::int64_t account_id);

  awaitable<void> approve(std::string username);
  awaitable<void> set_suspended(std::string username, bool suspended);
  awaitable<void> set_role(std::string username, std::string role);
  // Sets a new random password, ends sessions and revokes tokens; returns the password.
  awaitable<std::string> reset_password_by_admin(std::string username);

  // Ends every browser session of the user except `keep_session` (the cookie of the caller).
  awaitable<void> change_password(std::int64_t user_id, std::string current, std::string next,
                                  std::string keep_session = "");
  // Without SMTP the address changes at once; with it, a confirmation link goes to the new
  // address and the change happens when it is opened.
  awaitable<void> change_email(std::int64_t user_id, std::string password, std::string email);
  bool email_changes_need_confirmation() const { return mailer_.enabled(); }
  awaitable<void> delete_account(std::int64_t user_id, std::string password);

  awaitable<bool> confirm_email(std::string token);
  // Always succeeds from the caller's point of view, so addresses cannot be probed.
  awaitable<void> request_password_reset(std::string email);
  awaitable<void> reset_password(std::string token, std::string password);

  awaitable<std::string> create_invite(std::optional<std::int64_t> created_by,
                                       std::optional<int> max_uses,
                                       std::optional<std::int64_t> expires_in_seconds);
  awaitable<bool> invite_valid(std::string code);

  const config::Config& config() const { return config_; }

 private:
  awaitable<domain::UserWithAccount> create(RegistrationRequest request, bool by_admin,
                                            std::string role);
  // Mastodon's validations of a new account, those that ask the database included; throws
  // 422 with every problem found.
  awaitable<void> check_new_account(const RegistrationRequest& request, bool by_admin,
                                    const std::string& role);
  // Inserts the account (spending the invite) and sends the confirmation mail. A concurrent
  // sign-up may take the name or address after the checks: that is a 422 too.
  awaitable<domain::UserWithAccount> insert_new_account(const db::NewLocalAccount& row,
                                                        const std::optional<std::string>& invite,
                                                        const std::string& confirmation_token);
  awaitable<void> check_password(const domain::User& user, const std::string& password);

  const config::Config& config_;
  db::Database& db_;
  asio::thread_pool& blocking_;
  SnowflakeGenerator& ids_;
  const Mailer& mailer_;
  const ReadYourWrites& recent_;
};

}  // namespace lox::services
