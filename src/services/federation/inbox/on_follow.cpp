#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/federation/delivery_job.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/notifications/notify_job.hpp>

namespace lox::services {

using nlohmann::json;

awaitable<void> InboxService::on_follow(const json& activity) {
  auto username = local_username(activitypub::id_of(activity.value("object", json())));
  if (!username) co_return;  // not one of ours
  auto follower = co_await remote_actor(activitypub::id_of(activity["actor"]));
  if (!follower) co_return;
  std::int64_t row = ids_.next(), answer_row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto target = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    if (!target || target->suspended_at) return;
    auto inboxes = db::AccountRepository::inboxes(tx, follower->id);
    auto rel = db::SocialRepository::relationships(tx, target->id,
                                                   std::vector<std::int64_t>{follower->id});
    bool blocked = !rel.empty() && (rel[0].blocking || rel[0].blocked_by);
    const std::string me = config_.actor_url(target->username);
    auto answer = [&](const std::string& kind) {
      json a = activitypub::follow_answer_activity(me, kind, answer_row, activity);
      if (inboxes && !inboxes->inbox.empty()) {
        federation::enqueue_delivery(tx, inboxes->inbox, a, target->id);
      }
    };
    if (blocked) {
      answer("Reject");
      return;
    }
    domain::FollowOptions options;
    if (target->locked) {
      if (db::SocialRepository::request_follow(tx, row, follower->id, target->id, options)) {
        enqueue_notification(tx, target->id, follower->id, "follow_request", std::nullopt);
      }
      // Answered when the person decides (RelationshipService::authorize/reject_request).
      std::string follow_id = activitypub::id_of(activity.value("id", json()));
      if (!follow_id.empty()) {
        db::DeliveryHostRepository::set_follow_request_uri(tx, follower->id, target->id, follow_id);
      }
      return;
    }
    if (db::SocialRepository::follow(tx, row, follower->id, target->id, options)) {
      enqueue_notification(tx, target->id, follower->id, "follow", std::nullopt);
    }
    answer("Accept");
  });
}

}  // namespace lox::services
