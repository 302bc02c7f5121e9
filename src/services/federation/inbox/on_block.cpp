#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>

namespace lox::services {

using nlohmann::json;

awaitable<void> InboxService::on_block(const json& activity, bool undo) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  const json& block = undo ? activity["object"] : activity;
  auto username = local_username(activitypub::id_of(block.value("object", json())));
  if (!username) co_return;
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    // An account we never met has no follows to end; nothing to record either.
    auto blocker = db::AccountRepository::find_by_uri(tx, actor);
    auto target = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    if (!blocker || !blocker->domain || !target) return;
    if (undo) {
      db::SocialRepository::unblock(tx, blocker->id, target->id);
    } else {
      db::SocialRepository::block(tx, row, blocker->id, target->id);  // ends both follows
    }
  });
}

}  // namespace lox::services
