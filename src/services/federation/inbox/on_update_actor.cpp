#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/federation/inbox_service.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using inbox::log;
using nlohmann::json;

awaitable<void> InboxService::on_update_actor(const json& activity) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  const json& object = activity["object"];
  // Only an actor updates itself (the signature proved who the actor is).
  if (activitypub::id_of(object) != actor) co_return;
  try {
    co_await resolver_.apply_update(object);  // only for actors known here
  } catch (const federation::FetchError& e) {
    log()->info("inbox: Update of {} not applied: {}", actor, e.what());
  }
}

}  // namespace lox::services
