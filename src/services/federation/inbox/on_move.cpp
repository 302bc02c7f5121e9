#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/moderation/report_service.hpp>
#include <loxodon/util/error.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace lox::services {

using inbox::log;
using nlohmann::json;

// Mastodon's Move: the origin (the actor) names a target that lists the origin in alsoKnownAs,
// checked on a fresh fetch of the target. The origin is marked as moved; every local follower
// then follows the target and stops following the origin, and local blocks and mutes of the
// origin are carried over. Done again (a retry, a repeated Move), it changes nothing more.
awaitable<void> InboxService::on_move(const json& activity) {
  const std::string origin_uri = activitypub::id_of(activity["actor"]);
  const std::string target_uri = activitypub::id_of(activity["target"]);
  auto origin = co_await remote_actor(origin_uri, false);
  if (!origin) co_return;  // nobody here knows it: nothing to carry over
  if (target_uri == origin_uri || local_username(target_uri)) {
    // Local accounts have no alsoKnownAs to check a move here against.
    log()->info("inbox: Move of {} to {} not followed: not a remote account", origin_uri,
                target_uri);
    co_return;
  }
  std::optional<domain::Account> target;
  std::string failure;
  try {
    target = co_await resolver_.resolve_uri(target_uri);
  } catch (const federation::FetchError& e) {
    failure = e.what();
  }
  if (!failure.empty()) throw jobs::RetryableError("Move target " + target_uri + ": " + failure);
  if (!target || target->suspended_at) co_return;
  auto relations = co_await db_.tx([&](db::Tx& tx) -> std::optional<db::LocalRelationsOf> {
    auto aliases = db::AccountRepository::also_known_as(tx, target->id);
    if (std::find(aliases.begin(), aliases.end(), origin_uri) == aliases.end()) {
      return std::nullopt;
    }
    db::AccountRepository::set_moved_to(tx, origin->id, target->id);
    return db::SocialRepository::local_relations_of(tx, origin->id);
  });
  if (!relations) {
    log()->info("inbox: Move of {} to {} refused: the target does not list it in alsoKnownAs",
                origin_uri, target_uri);
    co_return;
  }
  int moved = 0;
  for (const auto& [follower, options] : relations->followers) {
    // A follower who blocks the target, or is blocked by it, keeps following the old account
    // (Mastodon's UnfollowFollowWorker stops there too).
    bool followed = true;
    try {
      co_await relationships_.follow(follower, target->id, options);
    } catch (const Error&) {
      followed = false;
    }
    if (!followed) continue;
    co_await relationships_.unfollow(follower, origin->id);
    ++moved;
  }
  for (std::int64_t blocker : relations->blockers) {
    co_await relationships_.block(blocker, target->id);
  }
  for (const auto& [muter, hide_notifications] : relations->muters) {
    co_await relationships_.mute(muter, target->id, hide_notifications, 0);
  }
  log()->info("inbox: {} moved to {}: {} local followers now follow the new account", origin_uri,
              target_uri, moved);
}

}  // namespace lox::services
