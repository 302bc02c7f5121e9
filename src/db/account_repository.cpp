#include "db/account_rows.hpp"
#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace lox::db {

namespace {

std::optional<domain::UserWithAccount> one_user(const pqxx::result& r) {
  if (r.empty()) return std::nullopt;
  return read_user_with_account(r[0]);
}
}  // namespace

domain::Account read_account(const pqxx::row& row, int o) {
  domain::Account a;
  a.id = row[o + 0].as<std::int64_t>();
  a.username = row[o + 1].as<std::string>();
  a.domain = nullable<std::string>(row[o + 2]);
  a.display_name = row[o + 3].as<std::string>();
  a.note = row[o + 4].as<std::string>();
  a.note_html = row[o + 5].as<std::string>();
  for (const auto& f : nlohmann::json::parse(row[o + 6].as<std::string>())) {
    a.fields.push_back({f.value("name", ""), f.value("value", "")});
  }
  a.locked = row[o + 7].as<bool>();
  a.bot = row[o + 8].as<bool>();
  a.discoverable = nullable<bool>(row[o + 9]);
  a.indexable = row[o + 10].as<bool>();
  a.hide_collections = row[o + 11].as<bool>();
  a.uri = nullable<std::string>(row[o + 12]);
  a.url = nullable<std::string>(row[o + 13]);
  a.created_at = *ms_time(row[o + 14]);
  a.last_status_at = ms_time(row[o + 15]);
  a.suspended_at = ms_time(row[o + 16]);
  a.statuses_count = row[o + 17].as<std::int64_t>();
  a.followers_count = row[o + 18].as<std::int64_t>();
  a.following_count = row[o + 19].as<std::int64_t>();
  a.avatar_key = nullable<std::string>(row[o + 20]);
  a.header_key = nullable<std::string>(row[o + 21]);
  a.moved_to_account_id = nullable<std::int64_t>(row[o + 22]);
  if (!row[o + 23].is_null()) a.emojis = CustomEmojiRepository::from_json(row[o + 23].c_str());
  a.supporter_badge = nullable<std::string>(row[o + 24]);
  a.hide_counts = row[o + 25].as<bool>();
  return a;
}

domain::User read_user(const pqxx::row& row, int o) {
  domain::User u;
  u.id = row[o + 0].as<std::int64_t>();
  u.account_id = row[o + 1].as<std::int64_t>();
  u.email = row[o + 2].as<std::string>();
  u.password_hash = row[o + 3].as<std::string>();
  u.role.id = row[o + 4].as<std::int64_t>();
  u.role.name = row[o + 5].as<std::string>();
  u.role.color = row[o + 6].as<std::string>();
  u.role.highlighted = row[o + 7].as<bool>();
  u.role.permissions = row[o + 8].as<std::int64_t>();
  u.locale = nullable<std::string>(row[o + 9]);
  u.confirmed = row[o + 10].as<bool>();
  u.approved = row[o + 11].as<bool>();
  u.disabled = row[o + 12].as<bool>();
  u.default_privacy = row[o + 13].as<std::string>();
  u.default_sensitive = row[o + 14].as<bool>();
  u.default_language = nullable<std::string>(row[o + 15]);
  return u;
}

domain::UserWithAccount read_user_with_account(const pqxx::row& row) {
  return {read_user(row, kAccountColumnCount), read_account(row, 0)};
}

std::optional<domain::ProfileLook> AccountRepository::profile_look(Tx& tx,
                                                                   std::int64_t account_id) {
  auto r = tx.exec("profile_look_find", account_id);
  if (r.empty()) return std::nullopt;
  return domain::ProfileLook{nullable<std::string>(r[0][0]), r[0][1].as<std::string>()};
}

void AccountRepository::set_profile_look(Tx& tx, std::int64_t account_id,
                                         const domain::ProfileLook& look) {
  tx.exec("profile_look_upsert", account_id, look.accent_color, look.theme);
}

void AccountRepository::insert_local(Tx& tx, const NewLocalAccount& n) {
  tx.exec("account_insert_local", n.account_id, n.username, n.uri, n.url, n.public_key_pem,
          n.private_key_pem);
  tx.exec("user_insert", n.user_id, n.account_id, n.email, n.password_hash, n.role, n.locale,
          n.confirmed, n.confirmation_token_hash, n.approved, n.reason, n.sign_up_ip, n.invite_id,
          n.agreement);
}

std::optional<domain::Account> AccountRepository::find(Tx& tx, std::int64_t id) {
  auto r = tx.exec("account_by_id", id);
  if (r.empty()) return std::nullopt;
  return read_account(r[0]);
}

std::string AccountRepository::public_key_pem(Tx& tx, std::int64_t id) {
  auto r = tx.exec("account_public_key", id);
  return r.empty() ? std::string() : r[0][0].as<std::string>();
}

std::optional<SigningKey> AccountRepository::signing_key(Tx& tx, std::int64_t id) {
  auto r = tx.exec("account_signing_key", id);
  if (r.empty()) return std::nullopt;
  return SigningKey{r[0][0].as<std::string>(), r[0][1].as<std::string>()};
}

std::optional<AccountRepository::Inboxes> AccountRepository::inboxes(Tx& tx, std::int64_t id) {
  auto r = tx.exec("account_inboxes", id);
  if (r.empty()) return std::nullopt;
  return Inboxes{r[0][0].as<std::string>(), r[0][1].as<std::string>(), r[0][2].as<std::string>()};
}

std::optional<domain::Account> AccountRepository::find_by_uri(Tx& tx, const std::string& uri) {
  auto r = tx.exec("account_by_uri", uri);
  if (r.empty()) return std::nullopt;
  return read_account(r[0]);
}

std::optional<RemoteAccountRef> AccountRepository::remote_account(Tx& tx, const std::string& uri,
                                                                  const std::string& username,
                                                                  const std::string& domain) {
  auto r = tx.exec("remote_account_by_uri_or_acct", uri, username, domain);
  if (r.empty()) return std::nullopt;
  return RemoteAccountRef{r[0][0].as<std::int64_t>(), nullable<std::int64_t>(r[0][1])};
}

std::int64_t AccountRepository::upsert_remote(Tx& tx, std::int64_t new_id,
                                              const RemoteActorRow& a) {
  auto existing = remote_account(tx, a.uri, a.username, a.domain);
  std::int64_t id = existing ? existing->id : new_id;
  tx.exec("remote_account_upsert", id, a.username, a.domain, a.display_name, a.note_html, a.uri,
          a.url, a.locked, a.bot, a.discoverable, a.indexable, a.public_key_pem, a.inbox_url,
          a.shared_inbox_url, a.outbox_url, a.followers_url, a.following_url, a.actor_type,
          a.fields_json, a.also_known_as_json);
  // movedTo names an account known here (or none): an unknown target is set when its Move
  // arrives, after the target was fetched and checked.
  tx.exec("remote_account_set_moved_to", id, a.moved_to_uri);
  return id;
}

std::vector<std::string> AccountRepository::also_known_as(Tx& tx, std::int64_t id) {
  auto r = tx.exec("account_also_known_as", id);
  std::vector<std::string> out;
  if (r.empty()) return out;
  for (const auto& v : nlohmann::json::parse(r[0][0].as<std::string>())) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

void AccountRepository::set_moved_to(Tx& tx, std::int64_t id, std::int64_t target) {
  tx.exec("account_set_moved_to", id, target);
}

bool AccountRepository::delete_remote(Tx& tx, const std::string& uri) {
  return tx.exec("remote_account_delete", uri).affected_rows() > 0;
}

std::optional<domain::Account> AccountRepository::find_by_acct(
    Tx& tx, const std::string& username, const std::optional<std::string>& domain) {
  auto r = tx.exec("account_by_acct", username, domain);
  if (r.empty()) return std::nullopt;
  return read_account(r[0]);
}

std::optional<domain::UserWithAccount> AccountRepository::user(Tx& tx, std::int64_t user_id) {
  return one_user(tx.exec("user_by_id", user_id));
}
std::optional<domain::UserWithAccount> AccountRepository::user_by_account(Tx& tx,
                                                                          std::int64_t account_id) {
  return one_user(tx.exec("user_by_account", account_id));
}
std::optional<domain::UserWithAccount> AccountRepository::user_by_login(Tx& tx,
                                                                        const std::string& login) {
  // The e-mail address first: an address that equals someone else's username must not
  // reach that other account.
  if (auto by_email = one_user(tx.exec("user_by_email", login))) return by_email;
  return one_user(tx.exec("user_by_username", login));
}
std::optional<domain::UserWithAccount> AccountRepository::user_light(Tx& tx, std::int64_t user_id) {
  return one_user(tx.exec("user_by_id_light", user_id));
}
std::optional<domain::UserWithAccount> AccountRepository::user_by_email(Tx& tx,
                                                                        const std::string& email) {
  return one_user(tx.exec("user_by_email", email));
}
std::optional<domain::UserWithAccount> AccountRepository::user_by_confirmation_token(
    Tx& tx, const std::string& hash) {
  return one_user(tx.exec("user_by_confirmation_token", hash));
}
std::optional<domain::UserWithAccount> AccountRepository::user_by_reset_token(
    Tx& tx, const std::string& hash) {
  return one_user(tx.exec("user_by_reset_token", hash));
}

bool AccountRepository::username_taken(Tx& tx, const std::string& username) {
  return !tx.exec("username_taken", username).empty();
}
bool AccountRepository::email_taken(Tx& tx, const std::string& email) {
  return !tx.exec("email_taken", email).empty();
}
bool AccountRepository::role_exists(Tx& tx, const std::string& role) {
  return !tx.exec("role_exists", role).empty();
}
bool AccountRepository::admin_exists(Tx& tx) { return !tx.exec("admin_exists").empty(); }

void AccountRepository::update_profile(Tx& tx, std::int64_t account_id, const ProfileRow& p) {
  tx.exec("account_update_profile", account_id, p.display_name, p.note, p.note_html, p.fields_json,
          p.locked, p.bot, p.discoverable, p.indexable, p.hide_collections, p.hide_counts);
}
void AccountRepository::update_preferences(Tx& tx, std::int64_t user_id, const std::string& privacy,
                                           bool sensitive,
                                           const std::optional<std::string>& language) {
  tx.exec("user_update_preferences", user_id, privacy, sensitive, language);
}
void AccountRepository::set_password(Tx& tx, std::int64_t user_id, const std::string& hash) {
  tx.exec("user_set_password", user_id, hash);
}
void AccountRepository::set_email(Tx& tx, std::int64_t user_id, const std::string& email) {
  tx.exec("user_set_email", user_id, email);
}
void AccountRepository::confirm(Tx& tx, std::int64_t user_id) { tx.exec("user_confirm", user_id); }
void AccountRepository::confirm_by_link(Tx& tx, std::int64_t user_id) {
  tx.exec("user_confirm_by_link", user_id);
}
void AccountRepository::set_unconfirmed_email(Tx& tx, std::int64_t user_id,
                                              const std::string& email,
                                              const std::string& token_hash) {
  tx.exec("user_set_unconfirmed_email", user_id, email, token_hash);
}
void AccountRepository::set_confirmation_token(Tx& tx, std::int64_t user_id,
                                               const std::string& hash) {
  tx.exec("user_set_confirmation_token", user_id, hash);
}
bool AccountRepository::set_reset_token(Tx& tx, std::int64_t user_id, const std::string& hash) {
  return tx.exec("user_set_reset_token", user_id, hash).affected_rows() == 1;
}
void AccountRepository::set_approved(Tx& tx, std::int64_t user_id, bool approved) {
  tx.exec("user_set_approved", user_id, approved);
}
void AccountRepository::set_role(Tx& tx, std::int64_t user_id, const std::string& role) {
  tx.exec("user_set_role", user_id, role);
}
void AccountRepository::set_suspended(Tx& tx, std::int64_t account_id, bool suspended) {
  tx.exec("account_set_suspended", account_id, suspended);
}
void AccountRepository::signed_in(Tx& tx, std::int64_t user_id) {
  tx.exec("user_signed_in", user_id);
}
void AccountRepository::touch_active(Tx& tx, std::int64_t account_id) {
  tx.exec("account_touch_active", account_id);
}
void AccountRepository::remove(Tx& tx, std::int64_t account_id) {
  tx.exec("user_delete_by_account", account_id);
  tx.exec("account_delete", account_id);
}
std::int64_t AccountRepository::signups_from_ip(Tx& tx, const std::string& ip,
                                                std::int64_t window_seconds) {
  return tx.exec1("signups_from_ip", ip, window_seconds)[0].as<std::int64_t>();
}

}  // namespace lox::db
