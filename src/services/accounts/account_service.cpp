#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/oauth_repository.hpp>
#include <loxodon/db/sign_in_repository.hpp>
#include <loxodon/domain/custom_emoji.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/ip_network.hpp>
#include <loxodon/util/password.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lox::services {

namespace {

constexpr std::size_t kMinPasswordLength = 8;
constexpr std::size_t kMaxPasswordBytes = 72;
constexpr std::size_t kMaxEmailLength = 320;
constexpr std::size_t kMaxReasonLength = 1000;

bool plausible_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= email.size()) return false;
  if (email.find('@', at + 1) != std::string::npos) return false;
  for (char c : email) {
    if (c == ' ' || c == '<' || c == '>' || c == ',' || c == '\n' || c == '\r' || c == '\t') {
      return false;
    }
  }
  return email.size() <= kMaxEmailLength;
}

void check_password_rules(ValidationErrors& errors, const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    errors.add("password", "Password", "ERR_TOO_SHORT", "is too short (minimum is 8 characters)");
  } else if (password.size() > kMaxPasswordBytes) {
    errors.add("password", "Password", "ERR_TOO_LONG", "is too long (maximum is 72 characters)");
  } else if (!valid_utf8(password)) {
    errors.add("password", "Password", "ERR_INVALID", "is invalid");
  }
}

std::string fields_json(const std::vector<domain::ProfileField>& fields) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : fields) out.push_back({{"name", f.name}, {"value", f.value}});
  return out.dump();
}

}  // namespace

AccountService::AccountService(const config::Config& config, db::Database& db,
                               asio::thread_pool& blocking, SnowflakeGenerator& ids,
                               const Mailer& mailer)
    : config_(config), db_(db), blocking_(blocking), ids_(ids), mailer_(mailer) {}

awaitable<domain::UserWithAccount> AccountService::register_account(RegistrationRequest request) {
  using config::RegistrationMode;
  const bool has_invite = request.invite_code && !request.invite_code->empty();
  if (has_invite) {
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
  ValidationErrors errors;
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
  const bool approval = config_.instance.registrations == config::RegistrationMode::kApproval;
  const bool has_invite = request.invite_code && !request.invite_code->empty();
  if (request.reason &&
      (request.reason->size() > kMaxReasonLength || !valid_utf8(*request.reason))) {
    errors.add("reason", "Reason", "ERR_TOO_LONG", "is too long (maximum is 1000 characters)");
  }
  if (!by_admin && approval && !has_invite && (!request.reason || request.reason->empty())) {
    errors.add("reason", "Reason", "ERR_BLANK", "can't be blank");
  }
  std::string username = request.username;
  std::string email = request.email;
  if (errors.empty()) {
    // No structured bindings of co_await results: GCC 12 destroys them twice (PR 105373).
    std::tuple<bool, bool, bool> checks = co_await db_.tx([&](db::Tx& tx) {
      return std::make_tuple(db::AccountRepository::username_taken(tx, username),
                             db::AccountRepository::email_taken(tx, email),
                             db::AccountRepository::role_exists(tx, role));
    });
    if (std::get<0>(checks))
      errors.add("username", "Username", "ERR_TAKEN", "has already been taken");
    if (std::get<1>(checks)) errors.add("email", "Email", "ERR_TAKEN", "has already been taken");
    if (!std::get<2>(checks)) errors.add("role", "Role", "ERR_INVALID", "does not exist");
  }
  errors.throw_if_any();

  // Argon2id and RSA key generation are CPU work: off the io thread.
  std::string password = request.password;
  auto hash_and_keys = [password] {
    return std::make_pair(hash_password(password), generate_rsa_key_pair(2048));
  };
  std::pair<std::string, PemKeyPair> secrets = co_await run_blocking(blocking_, hash_and_keys);
  const std::string& password_hash = secrets.first;
  const PemKeyPair& keys = secrets.second;

  db::NewLocalAccount row;
  row.account_id = ids_.next();
  row.user_id = ids_.next();
  row.username = username;
  row.email = email;
  row.password_hash = password_hash;
  row.role = role;
  row.locale = request.locale;
  row.approved = by_admin || has_invite || !approval;
  row.reason = request.reason;
  if (!request.ip.empty() && parse_ip_address(request.ip)) row.sign_up_ip = request.ip;
  row.agreement = request.agreement;
  row.uri = config_.base_url() + "/users/" + username;
  row.url = config_.base_url() + "/@" + username;
  row.public_key_pem = keys.public_pem;
  row.private_key_pem = keys.private_pem;
  std::string confirmation_token;
  // Without SMTP there is no way to confirm, so accounts start confirmed (the server says so).
  row.confirmed = by_admin || !mailer_.enabled();
  if (!row.confirmed) {
    confirmation_token = random_token();
    row.confirmation_token_hash = sha256_hex(confirmation_token);
  }
  std::optional<std::string> invite = request.invite_code;
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
      return std::make_tuple(db::AccountRepository::username_taken(tx, username),
                             db::AccountRepository::email_taken(tx, email));
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

awaitable<domain::Account> AccountService::account(std::int64_t id) {
  auto found = co_await db_.tx([id](db::Tx& tx) {
    auto account = db::AccountRepository::find(tx, id);
    if (account) load_moved_to(tx, *account);
    return account;
  });
  if (!found || found->suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return *found;
}

awaitable<domain::Account> AccountService::lookup(std::string acct) {
  if (!acct.empty() && acct.front() == '@') acct.erase(0, 1);
  std::string username = acct;
  std::optional<std::string> domain;
  if (auto at = acct.find('@'); at != std::string::npos) {
    username = acct.substr(0, at);
    std::string host = acct.substr(at + 1);
    if (domain::lowercase(host) != domain::lowercase(config_.domain)) domain = host;
  }
  auto found = co_await db_.tx([&](db::Tx& tx) {
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

awaitable<domain::ProfileLook> AccountService::profile_look(std::int64_t account_id) {
  co_return co_await db_.read([&](db::Tx& tx) {
    auto look = db::AccountRepository::profile_look(tx, account_id);
    if (!look || !current_entitlements(tx, account_id, config_.funding.grace_days).customization) {
      return domain::ProfileLook{};
    }
    return *look;
  });
}

awaitable<domain::UserWithAccount> AccountService::update_profile(std::int64_t user_id,
                                                                  ProfileUpdate update) {
  auto current = co_await user(user_id);
  domain::Account a = current.account;
  domain::User u = current.user;
  ValidationErrors errors;
  auto check_text = [&](const std::string& text, std::size_t max, const char* field,
                        const char* label) {
    if (!valid_utf8(text)) {
      errors.add(field, label, "ERR_INVALID", "is not valid UTF-8");
    } else if (utf8_length(text) > max) {
      errors.add(field, label, "ERR_TOO_LONG",
                 "is too long (maximum is " + std::to_string(max) + " characters)");
    }
  };
  if (update.display_name) {
    check_text(*update.display_name, domain::kMaxDisplayNameLength, "display_name", "Display name");
    a.display_name = *update.display_name;
  }
  if (update.note) {
    check_text(*update.note, domain::kMaxNoteLength, "note", "Note");
    a.note = *update.note;
  }
  // The member's perks and saved look, read once and only when this update needs them: more
  // fields than everyone's, switching a privacy tool on, or a change of look.
  const bool look_changes = update.accent_color || update.profile_theme;
  const bool needs_perks = (update.fields && update.fields->size() > domain::kMaxProfileFields) ||
                           (update.hide_counts && *update.hide_counts && !a.hide_counts) ||
                           look_changes;
  domain::Entitlements granted;
  domain::ProfileLook saved_look;
  if (needs_perks) {
    auto read = co_await db_.read([&](db::Tx& tx) {
      return std::make_pair(
          current_entitlements(tx, a.id, config_.funding.grace_days),
          db::AccountRepository::profile_look(tx, a.id).value_or(domain::ProfileLook{}));
    });
    granted = read.first;
    saved_look = read.second;
  }
  if (update.fields) {
    const std::size_t max_fields = effective_limits(config_, granted).max_profile_fields;
    if (update.fields->size() > max_fields) {
      errors.add("fields", "Fields", "ERR_TOO_LONG",
                 "is too long (maximum is " + std::to_string(max_fields) + " fields)");
    }
    std::vector<domain::ProfileField> kept;
    for (const auto& f : *update.fields) {
      check_text(f.name, domain::kMaxFieldNameLength, "fields", "Field name");
      check_text(f.value, domain::kMaxFieldValueLength, "fields", "Field value");
      if (!f.name.empty() || !f.value.empty()) kept.push_back(f);  // blank rows remove a field
    }
    a.fields = kept;
  }
  if (update.locked) a.locked = *update.locked;
  if (update.bot) a.bot = *update.bot;
  if (update.discoverable) a.discoverable = *update.discoverable;
  if (update.indexable) a.indexable = *update.indexable;
  if (update.hide_collections) a.hide_collections = *update.hide_collections;
  if (update.hide_counts && *update.hide_counts && !a.hide_counts) {
    // Switching it on needs the perk; switching it off never does.
    if (auto refusal = privacy_tool_refusal(config_, granted, "hide_counts")) {
      errors.add("hide_counts", "Hide counts", "ERR_INVALID", *refusal);
    }
  }
  if (update.hide_counts) a.hide_counts = *update.hide_counts;
  std::optional<domain::ProfileLook> look;
  if (look_changes) {
    look = saved_look;
    if (update.accent_color) {
      std::string color = domain::lowercase(*update.accent_color);
      bool hex = color.size() == 7 && color[0] == '#' &&
                 color.find_first_not_of("0123456789abcdef", 1) == std::string::npos;
      if (color.empty()) {
        look->accent_color.reset();
      } else if (!hex) {
        errors.add("accent_color", "Accent color", "ERR_INVALID",
                   "must be a colour written #rrggbb");
      } else {
        look->accent_color = color;
      }
    }
    if (update.profile_theme) {
      const auto& theme = *update.profile_theme;
      if (theme != "light" && theme != "dark" && theme != "auto") {
        errors.add("profile_theme", "Profile theme", "ERR_INCLUSION",
                   "must be light, dark or auto");
      } else {
        look->theme = theme;
      }
    }
    // Choosing a look needs the perk; keeping the saved one (an app sending the whole profile
    // back) or going back to the instance's never does.
    const bool customised = look->accent_color || look->theme != "light";
    if (customised &&
        (look->accent_color != saved_look.accent_color || look->theme != saved_look.theme)) {
      if (!granted.customization) {
        errors.add(update.accent_color ? "accent_color" : "profile_theme",
                   update.accent_color ? "Accent color" : "Profile theme", "ERR_INVALID",
                   "needs a membership with customization");
      }
    }
  }
  if (update.privacy) {
    const auto& p = *update.privacy;
    if (p != "public" && p != "unlisted" && p != "private" && p != "direct") {
      errors.add("source[privacy]", "Privacy", "ERR_INCLUSION", "is not included in the list");
    } else {
      u.default_privacy = p;
    }
  }
  if (update.sensitive) u.default_sensitive = *update.sensitive;
  if (update.language) {
    const auto& l = *update.language;
    if (l.empty()) {
      u.default_language.reset();
    } else if (l.size() > 10 || !valid_utf8(l)) {
      errors.add("source[language]", "Language", "ERR_INVALID", "is invalid");
    } else {
      u.default_language = l;
    }
  }
  errors.throw_if_any();

  db::ProfileRow row;
  row.display_name = a.display_name;
  row.note = a.note;
  row.note_html = plain_text_to_html(a.note);
  row.fields_json = fields_json(a.fields);
  row.locked = a.locked;
  row.bot = a.bot;
  row.discoverable = a.discoverable;
  row.indexable = a.indexable;
  row.hide_collections = a.hide_collections;
  row.hide_counts = a.hide_counts;
  auto updated = co_await db_.tx([&](db::Tx& tx) {
    db::AccountRepository::update_profile(tx, a.id, row);
    if (look) db::AccountRepository::set_profile_look(tx, a.id, *look);
    // Our own emoji the name, bio and fields use (a profile has no remote ones).
    std::vector<std::string_view> texts{a.display_name, a.note};
    for (const auto& f : a.fields) {
      texts.push_back(f.name);
      texts.push_back(f.value);
    }
    db::CustomEmojiRepository::set_account_emojis(
        tx, a.id, db::CustomEmojiRepository::local_ids(tx, domain::emoji_shortcodes(texts)));
    db::AccountRepository::update_preferences(tx, u.id, u.default_privacy, u.default_sensitive,
                                              u.default_language);
    auto fresh = db::AccountRepository::user(tx, u.id);
    // The servers that show this profile hear of the change, with the whole new document.
    if (fresh) {
      auto inboxes = db::DeliveryHostRepository::related_inboxes(tx, a.id);
      if (!inboxes.empty()) {
        auto announce_update = activitypub::update_person_activity(
            config_, fresh->account, db::AccountRepository::public_key_pem(tx, a.id));
        for (const auto& inbox : inboxes) {
          federation::enqueue_delivery(tx, inbox, announce_update, a.id);
        }
      }
    }
    return fresh;
  });
  if (!updated) throw Error(ErrorCode::kNotFound, "Record not found");  // deleted meanwhile
  co_return *updated;
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
