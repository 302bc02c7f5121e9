#include "inbox_support.hpp"

#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/federation/remote_emojis.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/media/media_jobs.hpp>
#include <loxodon/services/statuses/fan_out_job.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using inbox::log;
using nlohmann::json;

awaitable<std::optional<std::int64_t>> InboxService::known_or_fetched_status(std::string uri,
                                                                             int depth) {
  // The status may be known by another id than the URL asked for (a page URL whose document
  // names its id): `found_as` follows what the fetch learns.
  auto found_as = std::make_shared<std::string>(uri);
  auto known = [&]() -> awaitable<std::optional<std::int64_t>> {
    auto row =
        co_await db_.read([&](db::Tx& tx) { return db::StatusRepository::by_uri(tx, *found_as); });
    co_return row ? std::optional<std::int64_t>(row->id) : std::nullopt;
  };
  if (auto id = co_await known()) co_return id;
  // Ours are never fetched (one not found is gone), nor chains deeper than Mastodon follows.
  if (depth > kMaxReplyChainDepth || uri.starts_with(config_.base_url() + "/")) {
    co_return std::nullopt;
  }
  std::function<awaitable<void>()> fetch_and_store = [this, uri, depth,
                                                      found_as]() -> awaitable<void> {
    json doc;
    try {
      doc = co_await fetcher_.fetch(uri);
    } catch (const federation::FetchError& e) {
      log()->info("inbox: could not fetch status {}: {}", uri, e.what());
      co_return;
    }
    auto note = activitypub::read_note(doc);
    // What a server serves must be a status by an author on the same host as the URL asked
    // (a page URL may serve the status under its own id, on that host too).
    auto asked = net::parse_url(uri);
    auto id_url = net::parse_url(note ? note->uri : "");
    auto author_url = net::parse_url(note ? note->attributed_to : "");
    if (!note || !asked || !id_url || !author_url || id_url->authority() != asked->authority() ||
        author_url->authority() != asked->authority()) {
      log()->info("inbox: {} is not a status by an author on its own host", uri);
      co_return;
    }
    *found_as = note->uri;
    auto author = co_await remote_actor(note->attributed_to);
    if (!author) co_return;
    co_await store_note(*note, *author, depth, false);
  };
  co_await status_fetches_.run(uri, std::move(fetch_and_store));
  co_return co_await known();
}

awaitable<std::optional<std::int64_t>> InboxService::resolve_status(std::string url) {
  co_return co_await known_or_fetched_status(std::move(url), 0);
}

std::int64_t InboxService::poll_seconds_left(const activitypub::RemotePoll& poll) {
  if (!poll.ends_at) return std::int64_t{100} * 365 * 24 * 3600;  // Misskey: no end
  return std::chrono::duration_cast<std::chrono::seconds>(*poll.ends_at -
                                                          std::chrono::system_clock::now())
      .count();
}

void InboxService::set_poll_counts(db::Tx& tx, std::int64_t status_id,
                                   const activitypub::RemotePoll& poll) {
  db::StatusRepository::set_remote_poll_counts(tx, status_id, poll.counts, poll.voters,
                                               poll_seconds_left(poll));
}

namespace {

// The status row of a remote note; where it threads is found inside the transaction.
db::NewStatus remote_status_row(SnowflakeGenerator& ids, const activitypub::RemoteNote& note,
                                const domain::Account& author) {
  db::NewStatus row;
  row.id = ids.next();
  row.account_id = author.id;
  row.uri = note.uri;
  row.url = note.url.value_or(note.uri);
  row.spoiler_text = note.summary;
  row.content = note.content_html;
  row.visibility = note.visibility;
  row.sensitive = note.sensitive;
  row.language = note.language;
  return row;
}

// Attachments are recorded now and cached here by jobs (fetched through the guarded client,
// processed like uploads); until then apps see them as links to their origin.
void record_remote_attachments(db::Tx& tx, SnowflakeGenerator& ids,
                               const activitypub::RemoteNote& note, std::int64_t author_id,
                               std::int64_t status_id) {
  for (const auto& att : note.attachments) {
    domain::MediaAttachment media;
    media.id = ids.next();
    media.account_id = author_id;
    media.status_id = status_id;
    media.kind = att.media_type.starts_with("video/")   ? 2
                 : att.media_type.starts_with("audio/") ? 3
                                                        : 0;
    media.content_type = att.media_type.empty() ? "application/octet-stream" : att.media_type;
    media.description = att.description;
    media.focus_x = att.focus_x;
    media.focus_y = att.focus_y;
    media.blurhash = att.blurhash;
    media.remote_url = att.url;
    db::MediaRepository::insert_remote(tx, media);
    enqueue_remote_media_fetch(tx, media.id);
  }
}

}  // namespace

awaitable<void> InboxService::store_note(const activitypub::RemoteNote& note,
                                         const domain::Account& author, int depth, bool fan_out) {
  // The status replied to comes first, so the reply threads under it.
  if (note.in_reply_to) co_await known_or_fetched_status(*note.in_reply_to, depth + 1);
  db::NewStatus row = remote_status_row(ids_, note, author);
  co_await db_.tx([&](db::Tx& tx) {
    row.conversation_id = row.id;
    if (note.in_reply_to) {
      if (auto parent = db::StatusRepository::by_uri(tx, *note.in_reply_to)) {
        row.in_reply_to_id = parent->id;
        row.in_reply_to_account_id = parent->account_id;
        row.conversation_id = db::StatusRepository::conversation_of(tx, parent->id);
      }
    }
    if (!db::StatusRepository::insert_remote(tx, row)) return;  // delivered before
    // A new status has nothing linked yet: only what it carries is written.
    if (!note.emojis.empty()) {
      db::CustomEmojiRepository::set_status_emojis(
          tx, row.id,
          federation::record_remote_emojis(tx, ids_, author.domain.value_or(""), note.emojis));
    }
    if (!note.hashtags.empty()) db::StatusRepository::add_tags(tx, row.id, note.hashtags);
    record_remote_attachments(tx, ids_, note, author.id, row.id);
    if (note.poll) {
      db::StatusRepository::insert_poll(tx, ids_.next(), row.id, author.id, note.poll->options,
                                        note.poll->multiple, false, poll_seconds_left(*note.poll));
      set_poll_counts(tx, row.id, *note.poll);
    }
    std::vector<std::int64_t> mentioned;
    for (const auto& href : note.mentioned) {
      if (auto name = local_username(href)) {
        if (auto local = db::AccountRepository::find_by_acct(tx, *name, std::nullopt)) {
          mentioned.push_back(local->id);
        }
      }
    }
    if (!mentioned.empty()) db::StatusRepository::add_mentions(tx, row.id, mentioned);
    if (row.in_reply_to_id) db::StatusRepository::bump_replies(tx, *row.in_reply_to_id, 1);
    // Home feeds of local followers and the mentioned, notifications, live streams: what the
    // fan-out job does for a local post, done here in the same transaction. Statuses fetched
    // for context (a boosted post, a parent) are stored without it, as Mastodon does.
    if (fan_out) fan_out_now(tx, config_, ids_, row.id);
    PreviewCardService::enqueue(tx, config_, {row.id, row.content, !row.spoiler_text.empty()});
  });
}

}  // namespace lox::services
