#include <loxodon/activitypub/interaction_documents.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/statuses/interaction_service.hpp>
#include <loxodon/services/statuses/interaction_steps.hpp>
#include <loxodon/services/statuses/status_federation.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/error.hpp>

#include <string>

namespace lox::services {

namespace {

// A remote status's author hears of a favourite: Like, or Undo(Like).
void send_like(db::Tx& tx, const config::Config& config, std::int64_t account_id,
               const domain::Status& status, bool on) {
  if (status.local || !status.uri) return;
  auto me = db::AccountRepository::find(tx, account_id);
  auto theirs = db::AccountRepository::inboxes(tx, status.account_id);
  if (!me || !theirs || theirs->inbox.empty()) return;
  auto like = activitypub::like_activity(config.actor_url(me->username), *status.uri, status.id);
  federation::enqueue_delivery(tx, theirs->inbox, on ? like : activitypub::undo_activity(like),
                               account_id);
}

Error refused(const char* why) {
  return Error(ErrorCode::kUnprocessable, std::string("Validation failed: ") + why);
}

}  // namespace

InteractionService::InteractionService(const config::Config& config, db::Database& db,
                                       SnowflakeGenerator& ids, StatusReader& reader)
    : config_(config), db_(db), ids_(ids), reader_(reader) {}

awaitable<StatusPage> InteractionService::favourite(std::int64_t id, std::int64_t account_id,
                                                    bool on) {
  auto status = co_await reader_.visible(id, account_id);
  std::int64_t row_id = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    bool changed = on ? add_favourite(tx, row_id, account_id, id, status.account_id)
                      : remove_favourite(tx, account_id, id);
    if (changed) send_like(tx, config_, account_id, status, on);
  });
  co_return co_await reader_.one(id, account_id);
}

awaitable<StatusPage> InteractionService::bookmark(std::int64_t id, std::int64_t account_id,
                                                   bool on) {
  co_await reader_.visible(id, account_id);
  std::int64_t row_id = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    if (on) {
      db::StatusRepository::bookmark(tx, row_id, account_id, id);
    } else {
      db::StatusRepository::unbookmark(tx, account_id, id);
    }
  });
  co_return co_await reader_.one(id, account_id);
}

awaitable<StatusPage> InteractionService::reblog(std::int64_t id, std::int64_t account_id) {
  auto original = co_await reader_.visible(id, account_id);
  if (original.reblog_of_id)
    original = co_await reader_.visible(*original.reblog_of_id, account_id);
  if (!may_boost(original, account_id))
    throw Error(ErrorCode::kForbidden, "This action is not allowed");
  std::int64_t new_id = ids_.next();
  std::int64_t boost = co_await db_.tx([&](db::Tx& tx) {
    if (auto existing = db::StatusRepository::reblog_by(tx, original.id, account_id))
      return *existing;
    auto author = db::AccountRepository::find(tx, account_id);
    db::NewStatus row;
    row.id = new_id;
    row.account_id = account_id;
    row.uri = config_.base_url() + "/users/" + author->username + "/statuses/" +
              std::to_string(new_id) + "/activity";
    row.url = row.uri;
    row.visibility = original.visibility;
    row.reblog_of_id = original.id;
    row.conversation_id = new_id;
    db::StatusRepository::insert(tx, row);
    boost_added(tx, new_id, account_id, original.id, original.account_id);
    return new_id;
  });
  co_return co_await reader_.one(boost, account_id);
}

awaitable<StatusPage> InteractionService::unreblog(std::int64_t id, std::int64_t account_id) {
  auto original = co_await reader_.visible(id, account_id);
  co_await db_.tx([&](db::Tx& tx) {
    if (auto existing = db::StatusRepository::reblog_by(tx, original.id, account_id)) {
      auto boost = db::StatusRepository::find(tx, *existing);
      db::StatusRepository::soft_delete(tx, *existing);
      db::StatusRepository::bump_reblogs(tx, original.id, -1);
      if (boost) federate_status(tx, config_, *boost, true);
      streaming::publish(tx, {streaming::Event::Kind::kDelete, *existing, 0, {}});
    }
  });
  co_return co_await reader_.one(original.id, account_id);
}

awaitable<StatusPage> InteractionService::pin(std::int64_t id, std::int64_t me, bool on) {
  auto status = co_await reader_.visible(id, me);
  // Mastodon 4's StatusPinValidator: one's own statuses but boosts and direct messages, at
  // most five (followers-only pins show to those who may see them).
  if (on && status.reblog_of_id) throw refused("A boost cannot be pinned");
  if (on && status.account_id != me) throw refused("Someone else's post cannot be pinned");
  if (on && status.visibility == domain::Visibility::kDirect) {
    throw refused("Posts that are only visible to mentioned users cannot be pinned");
  }
  bool over = co_await db_.tx([&](db::Tx& tx) {
    if (!on) {
      db::StatusRepository::unpin(tx, me, id);
      return false;
    }
    if (db::StatusRepository::pin_count(tx, me) >= 5) return true;
    db::StatusRepository::pin(tx, me, id);
    return false;
  });
  if (over) throw refused("You have already pinned the maximum number of posts");
  co_return co_await reader_.one(id, me);
}

awaitable<StatusPage> InteractionService::mute_conversation(std::int64_t id, std::int64_t me,
                                                            bool on) {
  co_await reader_.visible(id, me);
  co_await db_.tx([&](db::Tx& tx) {
    db::StatusRepository::mute_conversation(tx, me, db::StatusRepository::conversation_of(tx, id),
                                            on);
  });
  co_return co_await reader_.one(id, me);
}

awaitable<AccountPage> InteractionService::reblogged_by(std::int64_t id, std::int64_t viewer,
                                                        domain::PageRequest page) {
  co_await reader_.visible(id, viewer);
  auto rows =
      co_await db_.tx([&](db::Tx& tx) { return db::StatusRepository::reblogged_by(tx, id, page); });
  co_return co_await reader_.render_account_rows(rows);
}

awaitable<AccountPage> InteractionService::favourited_by(std::int64_t id, std::int64_t viewer,
                                                         domain::PageRequest page) {
  co_await reader_.visible(id, viewer);
  auto rows = co_await db_.tx(
      [&](db::Tx& tx) { return db::StatusRepository::favourited_by(tx, id, page); });
  co_return co_await reader_.render_account_rows(rows);
}

}  // namespace lox::services
