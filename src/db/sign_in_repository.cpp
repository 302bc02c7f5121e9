#include "db/tx_impl.hpp"

#include <loxodon/db/sign_in_repository.hpp>

namespace lox::db {

std::int64_t SignInRepository::record_attempt(Tx& tx, const std::string& ip,
                                              const std::string& login_key) {
  return tx.exec1("failed_login_insert", ip, login_key)[0].as<std::int64_t>();
}
void SignInRepository::forget_attempt(Tx& tx, std::int64_t id) {
  tx.exec("failed_login_delete", id);
}
std::int64_t SignInRepository::attempts_by_ip(Tx& tx, const std::string& ip,
                                              std::int64_t window_seconds) {
  return tx.exec1("failed_logins_by_ip", ip, window_seconds)[0].as<std::int64_t>();
}
std::int64_t SignInRepository::attempts_by_login(Tx& tx, const std::string& login_key,
                                                 std::int64_t window_seconds) {
  return tx.exec1("failed_logins_by_key", login_key, window_seconds)[0].as<std::int64_t>();
}
void SignInRepository::clear_attempts(Tx& tx, const std::string& login_key) {
  tx.exec("failed_logins_clear_key", login_key);
}
void SignInRepository::prune_attempts(Tx& tx) { tx.exec("failed_logins_prune"); }

void SignInRepository::create_session(Tx& tx, const std::string& token_hash, std::int64_t user_id,
                                      const std::string& ip, const std::string& user_agent) {
  std::optional<std::string> address;
  if (!ip.empty() && ip != "unknown") address = ip;
  tx.exec("session_insert", token_hash, user_id, address, user_agent);
}
std::optional<std::int64_t> SignInRepository::session_user(Tx& tx, const std::string& token_hash) {
  auto r = tx.exec("session_user", token_hash);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}
void SignInRepository::delete_session(Tx& tx, const std::string& token_hash) {
  tx.exec("session_delete", token_hash);
}
void SignInRepository::delete_sessions_of(Tx& tx, std::int64_t user_id) {
  tx.exec("sessions_delete_user", user_id);
}
void SignInRepository::delete_other_sessions(Tx& tx, std::int64_t user_id,
                                             const std::string& keep_hash) {
  tx.exec("sessions_delete_others", user_id, keep_hash);
}

std::int64_t SignInRepository::create_invite(Tx& tx, const std::string& code,
                                             std::optional<std::int64_t> created_by,
                                             std::optional<int> max_uses,
                                             std::optional<std::int64_t> expires_in_seconds) {
  return tx.exec1("invite_insert", code, created_by, max_uses, expires_in_seconds)[0]
      .as<std::int64_t>();
}
std::optional<std::int64_t> SignInRepository::valid_invite(Tx& tx, const std::string& code) {
  auto r = tx.exec("invite_valid", code);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}
std::optional<std::int64_t> SignInRepository::use_invite(Tx& tx, const std::string& code) {
  auto r = tx.exec("invite_use", code);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}

}  // namespace lox::db
