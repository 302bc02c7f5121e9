#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/federation/inbox_service.hpp>

namespace lox::services {

using nlohmann::json;

awaitable<void> InboxService::on_create(const json& activity) {
  auto note = activitypub::read_note(activity.value("object", json()));
  const std::string actor = activitypub::id_of(activity["actor"]);
  // Someone else's note relayed by this actor: fetched from where it lives instead.
  if (!note || note->attributed_to != actor) {
    if (note) co_await known_or_fetched_status(note->uri, 0);
    co_return;
  }
  auto author = co_await remote_actor(actor);
  if (!author) co_return;
  co_await store_note(*note, *author, 0, true);
}

}  // namespace lox::services
