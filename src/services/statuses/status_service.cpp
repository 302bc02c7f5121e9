#include "local_emojis.hpp"

#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/polls/poll_jobs.hpp>
#include <loxodon/services/statuses/fan_out_job.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>
#include <loxodon/services/statuses/status_federation.hpp>
#include <loxodon/services/statuses/status_service.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

namespace {
constexpr std::size_t kMaxIdempotencyKey = 255;
}  // namespace

StatusService::StatusService(const config::Config& config, db::Database& db,
                             SnowflakeGenerator& ids, StatusReader& reader)
    : config_(config), db_(db), ids_(ids), reader_(reader) {}

awaitable<void> StatusService::check(domain::UserWithAccount author, PostRequest r) {
  Prepared prepared = co_await prepare(author, r);
  if (r.poll) check_poll(*r.poll, prepared.max_poll_options);
  if (r.in_reply_to_id) co_await reader_.visible(*r.in_reply_to_id, author.account.id);
}

awaitable<StatusPage> StatusService::post(domain::UserWithAccount author, PostRequest r) {
  const std::int64_t me = author.account.id;
  if (r.idempotency_key && r.idempotency_key->size() > kMaxIdempotencyKey)
    r.idempotency_key.reset();
  Prepared prepared = co_await prepare(author, r);
  if (r.idempotency_key) {
    std::string key = *r.idempotency_key;
    auto existing = co_await db_.tx(
        [&](db::Tx& tx) { return db::StatusRepository::idempotent_status(tx, me, key); });
    if (existing) co_return co_await reader_.one(*existing, me);
  }
  if (r.poll) check_poll(*r.poll, prepared.max_poll_options);
  std::optional<domain::Status> parent;
  if (r.in_reply_to_id) parent = co_await reader_.visible(*r.in_reply_to_id, me);

  db::NewStatus row;
  row.id = ids_.next();
  row.account_id = me;
  const std::string id = std::to_string(row.id);
  row.uri = config_.base_url() + "/users/" + author.account.username + "/statuses/" + id;
  row.url = config_.base_url() + "/@" + author.account.username + "/" + id;
  row.text = r.text;
  row.spoiler_text = r.spoiler_text;
  row.content = prepared.rendered.html;
  row.visibility = *prepared.visibility;
  row.sensitive = r.sensitive || !r.spoiler_text.empty();
  row.language = r.language;
  row.application_id = r.application_id;
  if (parent) {
    row.in_reply_to_id = parent->id;
    row.in_reply_to_account_id = parent->account_id;
  }
  co_await insert(author, r, row, prepared, parent);
  co_return co_await reader_.one(row.id, me);
}

awaitable<void> StatusService::insert(const domain::UserWithAccount& author, const PostRequest& r,
                                      db::NewStatus& row, const Prepared& prepared,
                                      const std::optional<domain::Status>& parent) {
  const std::int64_t me = author.account.id;
  std::int64_t poll_id = r.poll ? ids_.next() : 0;
  std::vector<std::int64_t> mention_ids;
  for (const auto& m : prepared.rendered.mentions) mention_ids.push_back(m.account_id);
  co_await db_.tx([&](db::Tx& tx) {
    std::int64_t conversation = parent ? db::StatusRepository::conversation_of(tx, parent->id) : 0;
    row.conversation_id = conversation != 0 ? conversation : row.id;
    // Uploads that are not the author's or already attached are left out, as Mastodon does;
    // one still processing refuses the post.
    if (!r.media_ids.empty()) {
      for (const auto& m : db::MediaRepository::attachable(tx, me, r.media_ids)) {
        if (m.state != 1) {
          throw Error(ErrorCode::kUnprocessable,
                      "Cannot attach files that have not finished processing. Try again in a "
                      "moment!");
        }
      }
    }
    db::StatusRepository::insert(tx, row);
    if (!r.media_ids.empty()) db::MediaRepository::attach(tx, row.id, me, r.media_ids);
    db::StatusRepository::add_mentions(tx, row.id, mention_ids);
    db::StatusRepository::add_tags(tx, row.id, prepared.rendered.tags);
    if (parent) db::StatusRepository::bump_replies(tx, parent->id, 1);
    db::StatusRepository::touch_author(tx, me);
    if (r.idempotency_key)
      db::StatusRepository::remember_idempotency(tx, me, *r.idempotency_key, row.id);
    if (r.poll) {
      db::StatusRepository::insert_poll(tx, poll_id, row.id, me, r.poll->options, r.poll->multiple,
                                        r.poll->hide_totals, r.poll->expires_in);
      // The end of the poll notifies its author and voters: a job due when it closes.
      enqueue_poll_expiry(tx, row.id, std::chrono::seconds(r.poll->expires_in));
    }
    attach_local_emojis(tx, row.id, r, false);
    enqueue_fan_out(tx, row.id);
    PreviewCardService::enqueue(tx, config_, {row.id, row.content, !row.spoiler_text.empty()});
  });
}

awaitable<StatusPage> StatusService::remove(std::int64_t id, std::int64_t author) {
  auto page = co_await reader_.one(id, author);
  if (page.statuses.empty() || page.statuses[0].status.account_id != author)
    throw Error(ErrorCode::kNotFound, "Record not found");
  const auto& s = page.statuses[0].status;
  co_await db_.tx([&](db::Tx& tx) {
    // Its boosts go with it: followers of the boosters see them disappear too.
    for (auto gone : db::StatusRepository::soft_delete(tx, id)) {
      streaming::publish(tx, {streaming::Event::Kind::kDelete, gone, 0, {}});
    }
    db::ConversationRepository::remove_status(tx, id);
    federate_status(tx, config_, s, true);
    if (s.in_reply_to_id) db::StatusRepository::bump_replies(tx, *s.in_reply_to_id, -1);
    if (s.reblog_of_id) db::StatusRepository::bump_reblogs(tx, *s.reblog_of_id, -1);
  });
  co_return page;
}

}  // namespace lox::services
