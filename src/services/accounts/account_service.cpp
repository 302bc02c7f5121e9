#include "credential_rules.hpp"
#include "services/read_or_primary.hpp"

#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/oauth_repository.hpp>
#include <loxodon/db/sign_in_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/password.hpp>

namespace lox::services {

AccountService::AccountService(const config::Config& config, db::Database& db,
                               asio::thread_pool& blocking, SnowflakeGenerator& ids,
                               const Mailer& mailer, const ReadYourWrites& recent)
    : config_(config), db_(db), blocking_(blocking), ids_(ids), mailer_(mailer), recent_(recent) {}

namespace {
// A moved account carries the account it moved to (Mastodon's `moved`, one level deep).
void load_moved_to(db::Tx& tx, domain::Account& account) {
  if (!account.moved_to_account_id) return;
  auto target = db::AccountRepository::find(tx, *account.moved_to_account_id);
  if (target && !target->suspended_at) {
    account.moved_to = std::make_shared<const domain::Account>(std::move(*target));
  }
}

}  // namespace

awaitable<domain::Account> AccountService::account(std::int64_t id, std::int64_t viewer) {
  auto found = co_await read_or_primary(db_, recent_.read_from(viewer), [id](db::Tx& tx) {
    auto account = db::AccountRepository::find(tx, id);
    if (account) load_moved_to(tx, *account);
    return account;
  });
  if (!found || found->suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return *found;
}

awaitable<domain::Account> AccountService::lookup(std::string acct, std::int64_t viewer) {
  if (!acct.empty() && acct.front() == '@') acct.erase(0, 1);
  std::string username = acct;
  std::optional<std::string> domain;
  if (auto at = acct.find('@'); at != std::string::npos) {
    username = acct.substr(0, at);
    std::string host = acct.substr(at + 1);
    if (domain::lowercase(host) != domain::lowercase(config_.domain)) domain = host;
  }
  auto found = co_await read_or_primary(db_, recent_.read_from(viewer), [&](db::Tx& tx) {
    auto account = db::AccountRepository::find_by_acct(tx, username, domain);
    if (account) load_moved_to(tx, *account);
    return account;
  });
  if (!found || found->suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return *found;
}

awaitable<domain::UserWithAccount> AccountService::user(std::int64_t user_id) {
  auto found =
      co_await db_.tx([user_id](db::Tx& tx) { return db::AccountRepository::user(tx, user_id); });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return *found;
}

awaitable<domain::UserWithAccount> AccountService::user_by_username(std::string username) {
  auto found = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::UserWithAccount> {
    auto account = db::AccountRepository::find_by_acct(tx, username, std::nullopt);
    if (!account) return std::nullopt;
    return db::AccountRepository::user_by_account(tx, account->id);
  });
  if (!found) throw Error(ErrorCode::kNotFound, "No local account named '" + username + "'");
  co_return *found;
}

awaitable<void> AccountService::approve(std::string username) {
  auto u = co_await user_by_username(username);
  co_await db_.tx([&](db::Tx& tx) {
    db::AccountRepository::set_approved(tx, u.user.id, true);
    db::AccountRepository::confirm(tx, u.user.id);
    if (!u.user.approved) mailer_.approved(tx, u.user.email, u.account.username);
  });
}

awaitable<void> AccountService::set_suspended(std::string username, bool suspended) {
  auto u = co_await user_by_username(username);
  co_await db_.tx([&](db::Tx& tx) {
    db::AccountRepository::set_suspended(tx, u.account.id, suspended);
    if (suspended) {
      db::SignInRepository::delete_sessions_of(tx, u.user.id);
      db::OAuthRepository::revoke_all_of_user(tx, u.user.id);
      publish_tokens_revoked(tx, u.account.id);
    }
  });
}

awaitable<void> AccountService::set_role(std::string username, std::string role) {
  auto u = co_await user_by_username(username);
  bool ok = co_await db_.tx([&](db::Tx& tx) {
    if (!db::AccountRepository::role_exists(tx, role)) return false;
    db::AccountRepository::set_role(tx, u.user.id, role);
    return true;
  });
  if (!ok) throw Error(ErrorCode::kUnprocessable, "Role '" + role + "' does not exist");
}

awaitable<std::string> AccountService::reset_password_by_admin(std::string username) {
  auto u = co_await user_by_username(username);
  std::string password = random_token().substr(0, 24);
  auto hash_new = [password] { return hash_password(password); };
  auto hash = co_await run_blocking(blocking_, hash_new);
  co_await db_.tx([&](db::Tx& tx) {
    db::AccountRepository::set_password(tx, u.user.id, hash);
    db::SignInRepository::delete_sessions_of(tx, u.user.id);
    db::OAuthRepository::revoke_all_of_user(tx, u.user.id);
    publish_tokens_revoked(tx, u.account.id);
  });
  co_return password;
}

awaitable<void> AccountService::check_password(const domain::User& user,
                                               const std::string& password) {
  std::string hash = user.password_hash;
  auto verify = [password, hash] { return verify_password(password, hash); };
  bool ok = co_await run_blocking(blocking_, verify);
  if (!ok) {
    ValidationErrors errors;
    errors.add("current_password", "Current password", "ERR_INVALID", "is invalid");
    errors.throw_if_any();
  }
}

awaitable<void> AccountService::change_password(std::int64_t user_id, std::string current,
                                                std::string next, std::string keep_session) {
  auto u = co_await user(user_id);
  co_await check_password(u.user, current);
  ValidationErrors errors;
  check_password_rules(errors, next);
  errors.throw_if_any();
  auto hash_new = [next] { return hash_password(next); };
  auto hash = co_await run_blocking(blocking_, hash_new);
  // Other browsers signed in with the old password are signed out, as in Mastodon.
  std::string keep_hash = keep_session.empty() ? std::string() : sha256_hex(keep_session);
  co_await db_.tx([&](db::Tx& tx) {
    db::AccountRepository::set_password(tx, user_id, hash);
    db::SignInRepository::delete_other_sessions(tx, user_id, keep_hash);
  });
}

awaitable<void> AccountService::change_email(std::int64_t user_id, std::string password,
                                             std::string email) {
  auto u = co_await user(user_id);
  co_await check_password(u.user, password);
  ValidationErrors errors;
  if (!plausible_email(email) || !valid_utf8(email)) {
    errors.add("email", "Email", "ERR_INVALID", "is invalid");
  }
  errors.throw_if_any();
  bool taken = co_await db_.tx([&](db::Tx& tx) {
    auto other = db::AccountRepository::user_by_email(tx, email);
    return other && other->user.id != user_id;
  });
  if (taken) {
    errors.add("email", "Email", "ERR_TAKEN", "has already been taken");
    errors.throw_if_any();
  }
  if (!mailer_.enabled()) {
    co_await db_.tx([&](db::Tx& tx) { db::AccountRepository::set_email(tx, user_id, email); });
    co_return;
  }
  // With mail, the new address takes effect only once its owner opens the link sent to it.
  std::string token = random_token();
  std::string hash = sha256_hex(token);
  co_await db_.tx([&](db::Tx& tx) {
    db::AccountRepository::set_unconfirmed_email(tx, user_id, email, hash);
    mailer_.confirmation(tx, email, u.account.username, token);
  });
}

awaitable<void> AccountService::delete_account(std::int64_t user_id, std::string password) {
  auto u = co_await user(user_id);
  co_await check_password(u.user, password);
  co_await db_.tx([&](db::Tx& tx) {
    // Every server this one knows hears that the account is gone (signed with its key, which
    // the emptied account row keeps for that).
    auto gone = activitypub::delete_actor_activity(config_, u.account);
    for (const auto& inbox : db::DeliveryHostRepository::all_inboxes(tx)) {
      federation::enqueue_delivery(tx, inbox, gone, u.account.id);
    }
    db::AccountRepository::remove(tx, u.account.id);
  });
}

awaitable<bool> AccountService::confirm_email(std::string token) {
  std::string hash = sha256_hex(token);
  // A pending new address taken by someone else meanwhile surfaces as a unique violation.
  co_return co_await db_.tx([&](db::Tx& tx) {
    auto u = db::AccountRepository::user_by_confirmation_token(tx, hash);
    if (!u) return false;
    db::AccountRepository::confirm_by_link(tx, u->user.id);
    return true;
  });
}

awaitable<void> AccountService::request_password_reset(std::string email) {
  std::string token = random_token();
  std::string hash = sha256_hex(token);
  co_await db_.tx([&](db::Tx& tx) {
    auto u = db::AccountRepository::user_by_email(tx, email);
    if (!u || !db::AccountRepository::set_reset_token(tx, u->user.id, hash)) return;
    mailer_.password_reset(tx, u->user.email, u->account.username, token);
  });
}

awaitable<void> AccountService::reset_password(std::string token, std::string password) {
  ValidationErrors errors;
  check_password_rules(errors, password);
  errors.throw_if_any();
  std::string hash = sha256_hex(token);
  auto u = co_await db_.tx(
      [&](db::Tx& tx) { return db::AccountRepository::user_by_reset_token(tx, hash); });
  if (!u)
    throw Error(ErrorCode::kUnprocessable, "This password reset link is invalid or has expired");
  auto hash_new = [password] { return hash_password(password); };
  auto password_hash = co_await run_blocking(blocking_, hash_new);
  // Whoever knew the old password may hold sessions and tokens: all of them end.
  co_await db_.tx([&](db::Tx& tx) {
    db::AccountRepository::set_password(tx, u->user.id, password_hash);
    db::SignInRepository::delete_sessions_of(tx, u->user.id);
    db::OAuthRepository::revoke_all_of_user(tx, u->user.id);
    publish_tokens_revoked(tx, u->account.id);
  });
}

}  // namespace lox::services
