#include "local_emojis.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>
#include <loxodon/services/statuses/status_federation.hpp>
#include <loxodon/services/statuses/status_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/error.hpp>

#include <chrono>

namespace lox::services {

awaitable<void> StatusService::check_edit_window(const domain::UserWithAccount& author,
                                                 const domain::Status& current) {
  if (config_.instance.edit_window_minutes <= 0) co_return;
  const auto age = std::chrono::system_clock::now() - current.created_at;
  auto window = std::chrono::minutes(config_.instance.edit_window_minutes);
  if (age > window) {
    auto granted = co_await db_.read([&](db::Tx& tx) {
      return current_entitlements(tx, author.account.id, config_.funding.grace_days);
    });
    window = std::chrono::minutes(effective_limits(config_, granted).edit_window_minutes);
  }
  if (age > window) {
    ValidationErrors errors;
    errors.add(
        "status", "Status", "ERR_INVALID",
        "can only be edited within " + std::to_string(window.count()) + " minutes of posting");
    errors.throw_if_any();
  }
}

awaitable<StatusPage> StatusService::edit(domain::UserWithAccount author, std::int64_t id,
                                          PostRequest r) {
  auto current = co_await reader_.visible(id, author.account.id);
  if (current.account_id != author.account.id || current.reblog_of_id) {
    throw Error(ErrorCode::kNotFound, "Record not found");
  }
  r.visibility = domain::visibility_name(current.visibility);  // visibility cannot change
  co_await check_edit_window(author, current);
  Prepared prepared = co_await prepare(author, r, true);
  db::NewStatus updated;
  updated.text = r.text;
  updated.spoiler_text = r.spoiler_text;
  updated.content = prepared.rendered.html;
  updated.sensitive = r.sensitive || !r.spoiler_text.empty();
  updated.language = r.language ? r.language : current.language;
  std::vector<std::int64_t> mention_ids;
  for (const auto& m : prepared.rendered.mentions) mention_ids.push_back(m.account_id);
  std::int64_t snapshot = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    db::StatusRepository::edit(tx, id, snapshot, updated);
    // The card follows the text: kept when the text (and its warning) did not change.
    if (current.content != updated.content || current.spoiler_text != updated.spoiler_text) {
      PreviewCardService::enqueue(tx, config_,
                                  {id, updated.content, !updated.spoiler_text.empty(), true});
    }
    db::StatusRepository::add_mentions(tx, id, mention_ids);
    db::StatusRepository::add_tags(tx, id, prepared.rendered.tags);
    attach_local_emojis(tx, id, r, true);
    streaming::publish(tx, {streaming::Event::Kind::kStatusUpdate, id, 0, {}});
    if (auto edited = db::StatusRepository::find(tx, id))
      federate_status(tx, config_, *edited, false, true);
    // Whoever boosted the status is told it changed, as Mastodon does.
    for (auto booster : db::SocialRepository::rebloggers(tx, id)) {
      if (booster != author.account.id) {
        enqueue_notification(tx, booster, author.account.id, "update", id);
      }
    }
  });
  co_return co_await reader_.one(id, author.account.id);
}

}  // namespace lox::services
