#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/db/tag_repository.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/statuses/fan_out_job.hpp>
#include <loxodon/services/statuses/status_federation.hpp>
#include <loxodon/streaming/event.hpp>

#include <vector>

namespace lox::services {

void enqueue_fan_out(db::Tx& tx, std::int64_t status_id) {
  jobs::enqueue(tx, kFanOutJob, FanOutPayload{status_id});
}

void fan_out_now(db::Tx& tx, const config::Config& config, SnowflakeGenerator& ids,
                 std::int64_t status_id) {
  auto status = db::StatusRepository::find(tx, status_id);
  if (!status) return;  // deleted before the job ran
  db::StatusRepository::fan_out(tx, status_id);
  db::TagRepository::fan_out(tx, status_id);
  db::ConversationRepository::add_status(tx, status_id);
  // Home feeds, lists and conversations are filed: live streams may show the status now.
  streaming::publish(tx, {streaming::Event::Kind::kUpdate, status_id, 0, {}});
  if (status->visibility == domain::Visibility::kDirect) {
    streaming::publish(tx, {streaming::Event::Kind::kConversation, status_id, 0, {}});
  }
  federate_status(tx, config, *status, false);
  if (status->reblog_of_id) return;
  for (auto mentioned : db::StatusRepository::mentioned_accounts(tx, status_id)) {
    file_notification(tx, ids.next(), {mentioned, status->account_id, "mention", status_id});
  }
  // Followers who rang the bell (follow with notify=true) hear about every new post.
  for (auto follower : db::SocialRepository::subscribers(tx, status_id)) {
    file_notification(tx, ids.next(), {follower, status->account_id, "status", status_id});
  }
}

FanOutJob::FanOutJob(const config::Config& config, db::Database& db, SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

awaitable<void> FanOutJob::run(FanOutPayload payload) {
  co_await db_.tx([&](db::Tx& tx) { fan_out_now(tx, config_, ids_, payload.status_id); });
}

}  // namespace lox::services
