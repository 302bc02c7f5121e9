#pragma once

#include <loxodon/db/tx.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace lox::db {

// Browser sessions, failed sign-in attempts and invite codes.
class SignInRepository {
 public:
  // Records an attempt (counted as failed until forgotten) and returns its id.
  static std::int64_t record_attempt(Tx& tx, const std::string& ip, const std::string& login_key);
  static void forget_attempt(Tx& tx, std::int64_t id);
  static std::int64_t attempts_by_ip(Tx& tx, const std::string& ip, std::int64_t window_seconds);
  static std::int64_t attempts_by_login(Tx& tx, const std::string& login_key,
                                        std::int64_t window_seconds);
  static void clear_attempts(Tx& tx, const std::string& login_key);
  static void prune_attempts(Tx& tx);

  static void create_session(Tx& tx, const std::string& token_hash, std::int64_t user_id,
                             const std::string& ip, const std::string& user_agent);
  // The user of a live session (seen in the last 30 days), refreshing its last-seen time.
  static std::optional<std::int64_t> session_user(Tx& tx, const std::string& token_hash);
  static void delete_session(Tx& tx, const std::string& token_hash);
  static void delete_sessions_of(Tx& tx, std::int64_t user_id);
  static void delete_other_sessions(Tx& tx, std::int64_t user_id, const std::string& keep_hash);

  static std::int64_t create_invite(Tx& tx, const std::string& code,
                                    std::optional<std::int64_t> created_by,
                                    std::optional<int> max_uses,
                                    std::optional<std::int64_t> expires_in_seconds);
  static std::optional<std::int64_t> valid_invite(Tx& tx, const std::string& code);
  // Counts one use; nullopt when the code is unknown, used up or expired.
  static std::optional<std::int64_t> use_invite(Tx& tx, const std::string& code);
};

}  // namespace lox::db
