#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/statuses/interaction_steps.hpp>

namespace lox::services {

using inbox::host_of;
using nlohmann::json;

awaitable<void> InboxService::on_announce(const json& activity) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  const std::string object = activitypub::id_of(activity.value("object", json()));
  const std::string uri = activitypub::id_of(activity.value("id", json()));
  // The boost is stored under its id, which must be its booster's (as the inbox checks on
  // arrival): never under an id another server could own.
  if (uri.empty() || host_of(uri) != host_of(actor)) co_return;
  // A boost of a status not known here: fetched from its server first.
  if (!co_await known_or_fetched_status(object, 0)) co_return;
  auto original =
      co_await db_.read([&](db::Tx& tx) { return db::StatusRepository::by_uri(tx, object); });
  if (!original) co_return;
  auto booster = co_await remote_actor(actor);
  if (!booster) co_return;
  db::NewStatus row;
  row.id = ids_.next();
  row.account_id = booster->id;
  row.uri = uri;
  row.url = uri;
  row.visibility = domain::Visibility::kPublic;
  row.reblog_of_id = original->id;
  row.conversation_id = row.id;
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::find(tx, original->id);
    // Never a boost of something its audience may not see.
    if (!status || !may_boost(*status, booster->id)) return;
    row.visibility = status->visibility;
    if (!db::StatusRepository::insert_remote(tx, row)) return;
    boost_added(tx, row.id, booster->id, status->id, status->account_id);
  });
}

}  // namespace lox::services
