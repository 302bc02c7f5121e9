#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/statuses/status_federation.hpp>
#include <loxodon/util/time_format.hpp>

#include <chrono>
#include <set>
#include <string>

namespace lox::services {

namespace {

void federate_boost(db::Tx& tx, const config::Config& config, const domain::Status& boost,
                    bool deleted) {
  auto original = db::StatusRepository::find(tx, *boost.reblog_of_id);
  auto booster = db::AccountRepository::find(tx, boost.account_id);
  if (!original || !original->uri || !booster || !boost.uri) return;
  std::set<std::string> inboxes;
  for (auto& inbox : db::StatusRepository::remote_follower_inboxes(tx, boost.account_id)) {
    inboxes.insert(std::move(inbox));
  }
  auto author = db::AccountRepository::inboxes(tx, original->account_id);
  std::string author_uri;
  if (auto a = db::AccountRepository::find(tx, original->account_id)) {
    author_uri = a->domain ? a->uri.value_or("") : config.actor_url(a->username);
  }
  if (author && !author->inbox.empty()) {
    inboxes.insert(author->shared_inbox.empty() ? author->inbox : author->shared_inbox);
  }
  if (inboxes.empty()) return;
  auto announce =
      activitypub::announce_activity(config, *booster, *boost.uri, *original->uri, author_uri);
  auto activity = deleted ? activitypub::undo_activity(announce) : announce;
  for (const auto& inbox : inboxes) federation::enqueue_delivery(tx, inbox, activity, booster->id);
}

// The mentioned accounts of a note, and the inboxes of the remote ones among them.
void add_mentions(db::Tx& tx, const config::Config& config,
                  const std::vector<domain::MentionView>& mentions, activitypub::NoteContext& note,
                  std::set<std::string>& inboxes) {
  for (const auto& m : mentions) {
    auto account = db::AccountRepository::find(tx, m.account_id);
    if (!account) continue;
    if (!account->domain) {
      note.mentions.push_back({config.actor_url(account->username), "@" + account->username});
      continue;
    }
    auto theirs = db::AccountRepository::inboxes(tx, account->id);
    if (!theirs || theirs->uri.empty() || theirs->inbox.empty()) continue;
    note.mentions.push_back({theirs->uri, "@" + account->username + "@" + *account->domain});
    inboxes.insert(theirs->shared_inbox.empty() ? theirs->inbox : theirs->shared_inbox);
  }
}

// An edit is the same Note, marked updated, in an Update (Mastodon's shape).
void mark_updated(nlohmann::json& activity, const domain::Status& status) {
  const auto now = std::chrono::system_clock::now();
  activity["type"] = "Update";
  activity["id"] =
      status.uri.value_or("") + "#updates/" +
      std::to_string(
          std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
  activity["object"]["updated"] = format_iso8601_ms(now);
}

}  // namespace

void federate_status(db::Tx& tx, const config::Config& config, const domain::Status& status,
                     bool deleted, bool updated) {
  if (!status.local) return;
  if (status.reblog_of_id) {
    federate_boost(tx, config, status, deleted);
    return;
  }
  std::set<std::string> inboxes;
  if (status.visibility != domain::Visibility::kDirect) {
    for (auto& inbox : db::StatusRepository::remote_follower_inboxes(tx, status.account_id)) {
      inboxes.insert(std::move(inbox));
    }
  }
  activitypub::NoteContext note;
  std::vector<std::int64_t> one{status.id};
  auto views = db::StatusRepository::views(tx, one, 0);
  if (!views.empty()) add_mentions(tx, config, views[0].mentions, note, inboxes);
  if (inboxes.empty()) return;
  auto author = db::AccountRepository::find(tx, status.account_id);
  if (!author) return;
  if (status.in_reply_to_id) {
    if (auto parent = db::StatusRepository::find(tx, *status.in_reply_to_id))
      note.in_reply_to = parent->uri;
  }
  if (!views.empty()) {
    note.media = views[0].media;
    note.poll = views[0].poll;
    note.hashtags = views[0].tags;
    note.emojis = views[0].emojis;
  }
  auto activity = deleted ? activitypub::delete_note_activity(config, *author, status)
                          : activitypub::create_note_activity(config, *author, status, note);
  if (updated && !deleted) mark_updated(activity, status);
  for (const auto& inbox : inboxes) federation::enqueue_delivery(tx, inbox, activity, author->id);
}

}  // namespace lox::services
