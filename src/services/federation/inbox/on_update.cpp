#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/federation/remote_emojis.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>
#include <loxodon/streaming/event.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using inbox::log;
using nlohmann::json;

awaitable<void> InboxService::on_update(const json& activity) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  auto note = activitypub::read_note(activity.value("object", json()));
  if (!note || note->attributed_to != actor) {
    // Profile updates are read when the actor is next fetched (refreshed daily).
    log()->info("inbox: verified Update {} from {}; not processed yet",
                activitypub::id_of(activity.value("id", json())), actor);
    co_return;
  }
  std::int64_t snapshot = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::by_uri(tx, note->uri);
    auto author = db::AccountRepository::find_by_uri(tx, actor);
    if (!status || !author || status->account_id != author->id) return;  // only its author edits
    // A poll's server sends Update as votes come in: new counts are not an edit.
    if (note->poll) set_poll_counts(tx, status->id, *note->poll);
    auto stored = db::StatusRepository::find(tx, status->id);
    bool edited = !stored || stored->content != note->content_html ||
                  stored->spoiler_text != note->summary || stored->sensitive != note->sensitive;
    if (edited) {
      db::NewStatus updated;
      updated.spoiler_text = note->summary;
      updated.content = note->content_html;
      updated.sensitive = note->sensitive;
      updated.language = note->language;
      db::StatusRepository::edit(tx, status->id, snapshot, updated);
      PreviewCardService::enqueue(
          tx, config_, {status->id, updated.content, !updated.spoiler_text.empty(), true});
      db::StatusRepository::add_tags(tx, status->id, note->hashtags);
    }
    db::CustomEmojiRepository::set_status_emojis(
        tx, status->id,
        federation::record_remote_emojis(tx, ids_, author->domain.value_or(""), note->emojis));
    streaming::publish(tx, {streaming::Event::Kind::kStatusUpdate, status->id, 0, {}});
  });
}

}  // namespace lox::services
