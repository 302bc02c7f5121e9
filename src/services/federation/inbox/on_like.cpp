#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/statuses/interaction_steps.hpp>

namespace lox::services {

using nlohmann::json;

awaitable<void> InboxService::on_like(const json& activity, bool undo) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  const json& like = undo ? activity["object"] : activity;
  const std::string object = activitypub::id_of(like.value("object", json()));
  // Undoing needs no fetch: someone we never met has no like to take back.
  auto liker = co_await remote_actor(actor, !undo);
  if (!liker) co_return;
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::by_uri(tx, object);
    if (!status) return;
    // Favouriting a post one may not see would reach its author's notifications.
    if (!undo && !db::StatusRepository::visible(tx, status->id, liker->id)) return;
    if (undo) {
      remove_favourite(tx, liker->id, status->id);
    } else {
      add_favourite(tx, row, liker->id, status->id, status->account_id);
    }
  });
}

}  // namespace lox::services
