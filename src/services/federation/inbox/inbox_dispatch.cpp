#include "inbox_support.hpp"

#include <loxodon/activitypub/inbound_activity.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/media/media_service.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using inbox::log;
using nlohmann::json;

awaitable<void> InboxService::run_process(InboxPayload payload) {
  const json& activity = payload.activity;
  using activitypub::InboundAction;
  auto plan = activitypub::plan_inbound(activity);
  switch (plan.action) {
    case InboundAction::kFollow:
      co_await on_follow(activity);
      break;
    case InboundAction::kAccept:
      co_await on_accept_or_reject(activity, true);
      break;
    case InboundAction::kReject:
      co_await on_accept_or_reject(activity, false);
      break;
    case InboundAction::kUndo:
      co_await on_undo(activity);
      break;
    case InboundAction::kBlock:
      co_await on_block(activity, false);
      break;
    case InboundAction::kUpdateNote:
      co_await on_update(activity);
      break;
    case InboundAction::kUpdateActor:
      co_await on_update_actor(activity);
      break;
    case InboundAction::kAnnounce:
      co_await on_announce(activity);
      break;
    case InboundAction::kLike:
      co_await on_like(activity, false);
      break;
    case InboundAction::kCreateNote:
      co_await on_create(activity);
      break;
    case InboundAction::kDeleteObject:
      co_await on_delete(activity);
      break;
    case InboundAction::kDeleteActor:
      co_await on_delete_actor(activity);
      break;
    case InboundAction::kVote:
      co_await on_vote(activity);
      break;
    case InboundAction::kMove:
      co_await on_move(activity);
      break;
    case InboundAction::kFlag:
      co_await on_flag(activity);
      break;
    case InboundAction::kIgnore:
      log()->info("inbox: verified {} {} from {} dropped: {}",
                  activity.value("type", json()).dump(),
                  activitypub::id_of(activity.value("id", json())),
                  activitypub::id_of(activity.value("actor", json())), plan.reason);
      break;
  }
}

}  // namespace lox::services
