#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/streaming/event.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using inbox::log;
using nlohmann::json;

awaitable<void> InboxService::on_delete_actor(const json& activity) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  bool removed =
      co_await db_.tx([&](db::Tx& tx) { return db::AccountRepository::delete_remote(tx, actor); });
  if (removed) log()->info("inbox: {} deleted itself; removed with everything it had here", actor);
}

awaitable<void> InboxService::on_delete(const json& activity) {
  co_await remove_authored(activitypub::id_of(activity["actor"]),
                           activitypub::id_of(activity.value("object", json())));
}

awaitable<void> InboxService::remove_authored(std::string actor, std::string object) {
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::by_uri(tx, object);
    auto author = db::AccountRepository::find_by_uri(tx, actor);
    // Only its author deletes a status.
    if (!status || !author || status->account_id != author->id) return;
    // Counters follow, as when a local status goes.
    if (auto row = db::StatusRepository::find(tx, status->id)) {
      if (row->reblog_of_id) db::StatusRepository::bump_reblogs(tx, *row->reblog_of_id, -1);
      if (row->in_reply_to_id) db::StatusRepository::bump_replies(tx, *row->in_reply_to_id, -1);
    }
    for (auto gone : db::StatusRepository::soft_delete(tx, status->id)) {
      streaming::publish(tx, {streaming::Event::Kind::kDelete, gone, 0, {}});
    }
    db::ConversationRepository::remove_status(tx, status->id);
  });
}

}  // namespace lox::services
