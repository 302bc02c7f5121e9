#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/moderation/report_service.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using inbox::host_of;
using inbox::log;
using nlohmann::json;

// Another server's report about accounts here goes into the moderation queue.
awaitable<void> InboxService::on_flag(const json& activity) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  auto reporter = co_await remote_actor(actor);
  if (!reporter) co_return;
  auto flag = activitypub::read_flag(activity);
  // The Flag's id keeps a redelivery from making a second report; an id on another server's
  // host could pre-empt that server's own Flag, so it is not trusted.
  if (host_of(flag.id) != host_of(actor)) flag.id.clear();
  int made = co_await reports_.receive_flag(reporter->id, std::move(flag));
  log()->info("inbox: Flag {} from {}: {} report(s) for the moderation queue",
              activitypub::id_of(activity.value("id", json())), actor, made);
}

}  // namespace lox::services
