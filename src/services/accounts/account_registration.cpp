#include "credential_rules.hpp"

#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/sign_in_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/ip_network.hpp>
#include <loxodon/util/password.hpp>

#include <tuple>

namespace lox::services {

namespace {

constexpr std::size_t kMaxReasonLength = 1000;

bool has_invite(const RegistrationRequest& request) {
  return request.invite_code && !request.invite_code->empty();
}

// The checks that need no database, in the order Mastodon reports them.
void check_registration_fields(ValidationErrors& errors, const RegistrationRequest& request,
                               bool by_admin, bool approval) {
  if (auto problem = domain::username_problem(request.username)) {
    errors.add("username", "Username", *problem == "is reserved" ? "ERR_RESERVED" : "ERR_INVALID",
               *problem);
  }
  if (request.email.empty()) {
    errors.add("email", "Email", "ERR_BLANK", "can't be blank");
  } else if (!plausible_email(request.email) || !valid_utf8(request.email)) {
    errors.add("email", "Email", "ERR_INVALID", "is invalid");
  }
  check_password_rules(errors, request.password);
  if (!request.agreement) errors.add("agreement", "Agreement", "ERR_ACCEPTED", "must be accepted");
  if (request.reason &&
      (request.reason->size() > kMaxReasonLength || !valid_utf8(*request.reason))) {
    errors.add("reason", "Reason", "ERR_TOO_LONG", "is too long (maximum is 1000 characters)");
  }
  if (!by_admin && approval && !has_invite(request) &&
      (!request.reason || request.reason->empty())) {
    errors.add("reason", "Reason", "ERR_BLANK", "can't be blank");
  }
}

// The account and user rows of a new local account, its actor's ids and keys included.
db::NewLocalAccount new_account_row(const config::Config& config, SnowflakeGenerator& ids,
                                    const RegistrationRequest& request,
                                    const std::string& password_hash, const PemKeyPair& keys) {
  db::NewLocalAccount row;
  row.account_id = ids.next();
  row.user_id = ids.next();
  row.username = request.username;
  row.email = request.email;
  row.password_hash = password_hash;
  row.locale = request.locale;
  row.reason = request.reason;
  if (!request.ip.empty() && parse_ip_address(request.ip)) row.sign_up_ip = request.ip;
  row.agreement = request.agreement;
  row.uri = config.base_url() + "/users/" + request.username;
  row.url = config.base_url() + "/@" + request.username;
  row.public_key_pem = keys.public_pem;
  row.private_key_pem = keys.private_pem;
  return row;
}

}  // namespace

awaitable<domain::UserWithAccount> AccountService::register_account(RegistrationRequest request) {
  using config::RegistrationMode;
  if (has_invite(request)) {
    std::string code = *request.invite_code;
    bool valid = co_await db_.tx(
        [&](db::Tx& tx) { return db::SignInRepository::valid_invite(tx, code).has_value(); });
    if (!valid) throw Error(ErrorCode::kForbidden, "This invite link is invalid or has expired");
  } else if (config_.instance.registrations == RegistrationMode::kClosed) {
    throw Error(ErrorCode::kForbidden, "Registrations are closed on this server");
  }
  const auto& limits = config_.rate_limits;
  if (limits.enabled && !(limits.exempt_loopback && is_loopback_address(request.ip)) &&
      !request.ip.empty()) {
    std::string ip = request.ip;
    auto recent = co_await db_.tx([&](db::Tx& tx) {
      return db::AccountRepository::signups_from_ip(tx, ip, limits.sign_up_window.count());
    });
    if (recent >= limits.sign_ups_per_ip) {
      throw Error(ErrorCode::kTooManyRequests, "Too many requests");
    }
  }
  co_return co_await create(std::move(request), false, "user");
}

awaitable<domain::UserWithAccount> AccountService::create_by_admin(AdminAccountRequest request) {
  RegistrationRequest r;
  r.username = request.username;
  r.email = request.email;
  r.password = request.password;
  r.agreement = true;
  co_return co_await create(std::move(r), true, request.role);
}

awaitable<domain::UserWithAccount> AccountService::create(RegistrationRequest request,
                                                          bool by_admin, std::string role) {
  const bool approval = config_.instance.registrations == config::RegistrationMode::kApproval;
  co_await check_new_account(request, by_admin, role);

  // Argon2id and RSA key generation are CPU work: off the io thread.
  std::string password = request.password;
  auto hash_and_keys = [password] {
    return std::make_pair(hash_password(password), generate_rsa_key_pair(2048));
  };
  std::pair<std::string, PemKeyPair> secrets = co_await run_blocking(blocking_, hash_and_keys);

  db::NewLocalAccount row = new_account_row(config_, ids_, request, secrets.first, secrets.second);
  row.role = role;
  row.approved = by_admin || has_invite(request) || !approval;
  std::string confirmation_token;
  // Without SMTP there is no way to confirm, so accounts start confirmed (the server says so).
  row.confirmed = by_admin || !mailer_.enabled();
  if (!row.confirmed) {
    confirmation_token = random_token();
    row.confirmation_token_hash = sha256_hex(confirmation_token);
  }
  co_return co_await insert_new_account(row, request.invite_code, confirmation_token);
}

awaitable<void> AccountService::check_new_account(const RegistrationRequest& request, bool by_admin,
                                                  const std::string& role) {
  ValidationErrors errors;
  check_registration_fields(errors, request, by_admin,
                            config_.instance.registrations == config::RegistrationMode::kApproval);
  if (errors.empty()) {
    // No structured bindings of co_await results: GCC 12 destroys them twice (PR 105373).
    std::tuple<bool, bool, bool> checks = co_await db_.tx([&](db::Tx& tx) {
      return std::make_tuple(db::AccountRepository::username_taken(tx, request.username),
                             db::AccountRepository::email_taken(tx, request.email),
                             db::AccountRepository::role_exists(tx, role));
    });
    if (std::get<0>(checks))
      errors.add("username", "Username", "ERR_TAKEN", "has already been taken");
    if (std::get<1>(checks)) errors.add("email", "Email", "ERR_TAKEN", "has already been taken");
    if (!std::get<2>(checks)) errors.add("role", "Role", "ERR_INVALID", "does not exist");
  }
  errors.throw_if_any();
}

awaitable<domain::UserWithAccount> AccountService::insert_new_account(
    const db::NewLocalAccount& row, const std::optional<std::string>& invite,
    const std::string& confirmation_token) {
  // The result is taken out of the try block before co_return: GCC 12 miscompiles a
  // `co_return co_await` inside try (the frame's strings are destroyed twice).
  std::optional<domain::UserWithAccount> created;
  bool lost_race = false;
  try {
    created = co_await db_.tx([&](db::Tx& tx) {
      auto r = row;
      if (invite && !invite->empty()) {
        r.invite_id = db::SignInRepository::use_invite(tx, *invite);
        if (!r.invite_id)
          throw Error(ErrorCode::kForbidden, "This invite link is invalid or has expired");
      }
      db::AccountRepository::insert_local(tx, r);
      if (!r.confirmed) mailer_.confirmation(tx, r.email, r.username, confirmation_token);
      return *db::AccountRepository::user(tx, r.user_id);
    });
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kConflict) throw;
    lost_race = true;  // another sign-up took the same name or address meanwhile
  }
  if (lost_race) {
    std::tuple<bool, bool> which = co_await db_.tx([&](db::Tx& tx) {
      return std::make_tuple(db::AccountRepository::username_taken(tx, row.username),
                             db::AccountRepository::email_taken(tx, row.email));
    });
    ValidationErrors taken;
    if (std::get<0>(which) || !std::get<1>(which)) {
      taken.add("username", "Username", "ERR_TAKEN", "has already been taken");
    }
    if (std::get<1>(which)) taken.add("email", "Email", "ERR_TAKEN", "has already been taken");
    taken.throw_if_any();
  }
  co_return std::move(*created);
}

awaitable<std::string> AccountService::create_invite(std::optional<std::int64_t> created_by,
                                                     std::optional<int> max_uses,
                                                     std::optional<std::int64_t> expires_in) {
  std::string code = random_token().substr(0, 12);
  co_await db_.tx([&](db::Tx& tx) {
    db::SignInRepository::create_invite(tx, code, created_by, max_uses, expires_in);
  });
  co_return code;
}

awaitable<bool> AccountService::invite_valid(std::string code) {
  co_return co_await db_.tx(
      [&](db::Tx& tx) { return db::SignInRepository::valid_invite(tx, code).has_value(); });
}

}  // namespace lox::services
