#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/streaming/event.hpp>

namespace lox::services {

void to_json(nlohmann::json& j, const NotifyPayload& p) {
  j = {{"account_id", p.account_id},
       {"from_account_id", p.from_account_id},
       {"type", p.type},
       {"status_id", p.status_id ? nlohmann::json(*p.status_id) : nlohmann::json(nullptr)}};
}

void from_json(const nlohmann::json& j, NotifyPayload& p) {
  p.account_id = j.at("account_id").get<std::int64_t>();
  p.from_account_id = j.at("from_account_id").get<std::int64_t>();
  p.type = j.at("type").get<std::string>();
  p.status_id.reset();
  if (j.contains("status_id") && j["status_id"].is_number())
    p.status_id = j["status_id"].get<std::int64_t>();
}

void enqueue_notification(db::Tx& tx, std::int64_t account_id, std::int64_t from_account_id,
                          const std::string& type, std::optional<std::int64_t> status_id) {
  if (account_id == from_account_id && type != "poll") return;
  jobs::enqueue(tx, kNotifyJob, NotifyPayload{account_id, from_account_id, type, status_id});
}

void file_notification(db::Tx& tx, std::int64_t row_id, const NotifyPayload& n) {
  if (db::SocialRepository::notify(tx, row_id, n.account_id, n.from_account_id, n.type,
                                   n.status_id)) {
    streaming::publish(tx, {streaming::Event::Kind::kNotification, row_id, n.account_id, {}});
  }
}

NotifyJob::NotifyJob(db::Database& db, SnowflakeGenerator& ids) : db_(db), ids_(ids) {}

awaitable<void> NotifyJob::run(NotifyPayload payload) {
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) { file_notification(tx, row, payload); });
}

}  // namespace lox::services
