#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using inbox::log;
using nlohmann::json;

awaitable<void> InboxService::on_undo(const json& activity) {
  const json object = activity.value("object", json());
  if (object.is_object() && object.value("type", json("")) == json("Like")) {
    co_await on_like(activity, true);
    co_return;
  }
  if (object.is_object() && object.value("type", json("")) == json("Block")) {
    co_await on_block(activity, true);
    co_return;
  }
  if (object.is_object() && object.value("type", json("")) == json("Announce")) {
    co_await remove_authored(activitypub::id_of(activity["actor"]), activitypub::id_of(object));
    co_return;
  }
  if (!object.is_object() || object.value("type", json("")) != json("Follow")) {
    log()->info("inbox: verified Undo {} from {}; not processed yet",
                activitypub::id_of(activity.value("id", json())),
                activitypub::id_of(activity.value("actor", json())));
    co_return;
  }
  auto username = local_username(activitypub::id_of(object.value("object", json())));
  if (!username) co_return;
  const std::string actor = activitypub::id_of(activity["actor"]);
  co_await db_.tx([&](db::Tx& tx) {
    auto follower = db::AccountRepository::find_by_uri(tx, actor);
    auto target = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    if (follower && target) db::SocialRepository::unfollow(tx, follower->id, target->id);
  });
}

}  // namespace lox::services
