#pragma once

#include <loxodon/jobs/job_kind.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace lox::db {
class Database;
class Tx;
}  // namespace lox::db

namespace lox::services {

// "Someone did something to you": the notification a favourite, boost, follow, edit or ended
// poll files for its recipient.
struct NotifyPayload {
  std::int64_t account_id = 0;       // who is notified
  std::int64_t from_account_id = 0;  // who did it
  std::string type;                  // Mastodon's notification type
  std::optional<std::int64_t> status_id;
};
void to_json(nlohmann::json& j, const NotifyPayload& p);
void from_json(const nlohmann::json& j, NotifyPayload& p);

inline constexpr jobs::JobKind<NotifyPayload> kNotifyJob{
    "notification.create", "default", "files a notification and tells its recipient's streams"};

// Enqueues the notification in the caller's transaction. Nobody is notified about their own
// actions, except that their own poll ended.
void enqueue_notification(db::Tx& tx, std::int64_t account_id, std::int64_t from_account_id,
                          const std::string& type, std::optional<std::int64_t> status_id);

// Files a notification now under the caller's reserved row id (a duplicate of one already
// filed makes none) and, when one was filed, tells the recipient's live streams.
void file_notification(db::Tx& tx, std::int64_t row_id, const NotifyPayload& notification);

// Runs notification.create jobs.
class NotifyJob {
 public:
  NotifyJob(db::Database& db, SnowflakeGenerator& ids);
  awaitable<void> run(NotifyPayload payload);

 private:
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
