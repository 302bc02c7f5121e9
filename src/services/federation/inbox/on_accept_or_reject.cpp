#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>

namespace lox::services {

using nlohmann::json;

awaitable<void> InboxService::on_accept_or_reject(const json& activity, bool accepted) {
  const json object = activity.value("object", json());
  // The Follow answered: embedded (its actor is ours) or by its id (which names our actor).
  std::string follower_id = object.is_object() ? activitypub::id_of(object.value("actor", json()))
                                               : activitypub::id_of(object);
  auto username = local_username(follower_id);
  if (!username) co_return;
  const std::string actor = activitypub::id_of(activity["actor"]);
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto follower = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    auto followed = db::AccountRepository::find_by_uri(tx, actor);
    if (!follower || !followed || !followed->domain) return;
    auto request = db::SocialRepository::withdraw_request(tx, follower->id, followed->id);
    if (!accepted) {
      db::SocialRepository::unfollow(tx, follower->id, followed->id);
      return;
    }
    if (request) db::SocialRepository::follow(tx, row, follower->id, followed->id, *request);
  });
}

}  // namespace lox::services
