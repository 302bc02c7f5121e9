#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/activitypub/inbound_activity.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/federation/remote_emojis.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/media/media_jobs.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/moderation/report_service.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/polls/poll_jobs.hpp>
#include <loxodon/services/statuses/fan_out_job.hpp>
#include <loxodon/services/statuses/interaction_steps.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/json_limits.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace lox::services {

using nlohmann::json;

namespace {

Error unauthorized(const std::string& why) { return Error(ErrorCode::kUnauthorized, why); }

std::string host_of(const std::string& url) {
  auto parsed = net::parse_url(url);
  return parsed ? parsed->authority() : "";
}

std::shared_ptr<spdlog::logger> log() {
  auto l = spdlog::get("lox.federation");
  return l ? l : spdlog::default_logger();
}

}  // namespace

InboxService::InboxService(const config::Config& config, db::Database& db,
                           federation::ActivityFetcher& fetcher,
                           federation::ActorResolver& resolver, RelationshipService& relationships,
                           ReportService& reports, SnowflakeGenerator& ids)
    : config_(config),
      db_(db),
      fetcher_(fetcher),
      resolver_(resolver),
      relationships_(relationships),
      reports_(reports),
      ids_(ids) {}

awaitable<void> InboxService::receive(activitypub::SignedRequest request,
                                      std::optional<std::string> recipient) {
  json activity = parse_json_limited(request.body);
  if (!activity.is_object() || !activity.contains("type")) {
    throw Error(ErrorCode::kBadRequest, "Not an ActivityPub activity");
  }
  const std::string actor = activitypub::id_of(activity.value("actor", json()));
  if (actor.empty()) throw Error(ErrorCode::kBadRequest, "The activity has no actor");

  auto signature = activitypub::find_signature(request);  // malformed: SignatureError
  if (!signature) throw unauthorized("Request not signed");

  // An account announcing its own deletion, unknown here: nothing to undo, and its key is
  // probably gone with it. Mastodon answers without fetching anything; so do we.
  bool self_delete =
      activity["type"] == "Delete" && activitypub::id_of(activity.value("object", json())) == actor;
  if (self_delete && !fetcher_.cached_key(signature->key_id)) co_return;

  federation::RemoteKey key;
  try {
    key = co_await fetcher_.public_key(signature->key_id);
  } catch (const federation::FetchError& e) {
    throw unauthorized("Could not fetch the signing key " + signature->key_id + ": " + e.what());
  }
  // Empty when the signature holds; otherwise why not.
  auto check = [&](const federation::RemoteKey& k) -> std::optional<std::string> {
    try {
      activitypub::verify_request(
          *signature, request,
          k.verifier ? *k.verifier : activitypub::VerificationKey::from_pem(k.public_key_pem),
          std::chrono::system_clock::now());
      return std::nullopt;
    } catch (const activitypub::SignatureError& e) {
      return std::string(e.what());
    }
  };
  auto failure = check(key);
  if (failure && *failure == "Verification failed" && fetcher_.may_refetch(signature->key_id)) {
    // The key may have been rotated since it was cached: fetch it once more (rate-limited).
    std::optional<federation::RemoteKey> fresh;
    try {
      fresh = co_await fetcher_.public_key(signature->key_id, true);
    } catch (const federation::FetchError&) {
    }
    if (fresh) {
      key = *fresh;
      failure = check(key);
    }
  }
  if (failure) throw unauthorized(*failure);
  if (key.owner != actor) {
    throw unauthorized("The signature's key belongs to " + key.owner + ", not to the actor " +
                       actor);
  }
  // An activity's own id is on its actor's server (host and port), or it could claim, dedupe
  // away or shadow another server's activity or post: a boost stored under someone else's id
  // would stand in for their post everywhere we look it up by id.
  if (activity.contains("id")) {
    const json& id = activity["id"];
    if (!id.is_string() || host_of(id.get<std::string>()) != host_of(actor)) {
      throw unauthorized("The activity id " + (id.is_string() ? id.get<std::string>() : "") +
                         " is not on the actor's host");
    }
  }
  // What an actor creates or changes must live on its own server (others are fetched from
  // where they live when needed). Accept, Reject and Undo embed our own objects, and an
  // Announce someone else's: those are not checked here.
  const json& object = activity.value("object", json());
  const json type = activity["type"];
  if (object.is_object() && object.contains("id") && (type == "Create" || type == "Update")) {
    std::string object_id = activitypub::id_of(object);
    if (host_of(object_id) != host_of(actor)) {
      throw unauthorized("The object " + object_id + " is not on the actor's host");
    }
  }

  jobs::JobOptions options;
  // The same activity delivered twice (shared and personal inboxes, retries) is handled once;
  // its id is on its actor's host (checked above), so no other server can take the key.
  if (activity.contains("id") && activity["id"].is_string()) {
    options.dedupe_key = "inbox:" + activity["id"].get<std::string>();
  }
  // A validly signed request shows the actor's server is up: it may receive deliveries again.
  const std::string host = federation::delivery_host(actor);
  co_await db_.tx([&](db::Tx& tx) {
    jobs::enqueue(tx, kInboxJob, InboxPayload{activity, recipient}, options);
    db::DeliveryHostRepository::clear(tx, host);
  });
}

std::optional<std::string> InboxService::local_username(const std::string& id) const {
  const std::string prefix = config_.base_url() + "/users/";
  if (!id.starts_with(prefix)) return std::nullopt;
  std::string rest = id.substr(prefix.size());
  std::string name = rest.substr(0, rest.find_first_of("/#?"));
  if (name.empty()) return std::nullopt;
  return name;
}

awaitable<std::optional<domain::Account>> InboxService::remote_actor(std::string actor,
                                                                     bool fetch_if_unknown) {
  auto account =
      co_await db_.read([&](db::Tx& tx) { return db::AccountRepository::find_by_uri(tx, actor); });
  if (!account && fetch_if_unknown) {
    try {
      account = co_await resolver_.resolve_uri(actor);
    } catch (const federation::FetchError& e) {
      // The other server may be down for a while: the job backs off and tries again.
      throw jobs::RetryableError("cannot resolve " + actor + ": " + e.what());
    }
  }
  if (!account || !account->domain || account->suspended_at) co_return std::nullopt;
  co_return account;
}

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

// A vote on one of our polls: Create(Note) named after an option, replying to the Question.
awaitable<void> InboxService::on_vote(const json& activity) {
  const json& note = activity["object"];
  const std::string question = activitypub::id_of(note.value("inReplyTo", json()));
  const json option_value = note.value("name", json());  // never o["name"] on a const object
  const std::string option = option_value.is_string() ? option_value.get<std::string>() : "";
  if (!question.starts_with(config_.base_url() + "/") || option.empty()) co_return;
  auto voter = co_await remote_actor(activitypub::id_of(activity["actor"]));
  if (!voter) co_return;
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::by_uri(tx, question);
    // A vote counts only from someone who may see the poll (followers-only, direct, blocked).
    if (!status || !db::StatusRepository::visible(tx, status->first, voter->id)) return;
    std::vector<std::int64_t> one{status->first};
    auto views = db::StatusRepository::views(tx, one, voter->id);
    if (views.empty() || !views[0].poll || views[0].poll->expired) return;
    const auto& poll = *views[0].poll;
    auto it = std::find(poll.options.begin(), poll.options.end(), option);
    if (it == poll.options.end()) return;
    int choice = static_cast<int>(it - poll.options.begin());
    bool already =
        std::find(poll.own_votes.begin(), poll.own_votes.end(), choice) != poll.own_votes.end();
    if (already || (!poll.multiple && !poll.own_votes.empty())) return;
    db::StatusRepository::add_vote(tx, row, poll.id, voter->id, choice);
    enqueue_poll_update(tx, status->first);
  });
}

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

// Mastodon's Move: the origin (the actor) names a target that lists the origin in alsoKnownAs,
// checked on a fresh fetch of the target. The origin is marked as moved; every local follower
// then follows the target and stops following the origin, and local blocks and mutes of the
// origin are carried over. Done again (a retry, a repeated Move), it changes nothing more.
awaitable<void> InboxService::on_move(const json& activity) {
  const std::string origin_uri = activitypub::id_of(activity["actor"]);
  const std::string target_uri = activitypub::id_of(activity["target"]);
  auto origin = co_await remote_actor(origin_uri, false);
  if (!origin) co_return;  // nobody here knows it: nothing to carry over
  if (target_uri == origin_uri || local_username(target_uri)) {
    // Local accounts have no alsoKnownAs to check a move here against.
    log()->info("inbox: Move of {} to {} not followed: not a remote account", origin_uri,
                target_uri);
    co_return;
  }
  std::optional<domain::Account> target;
  std::string failure;
  try {
    target = co_await resolver_.resolve_uri(target_uri);
  } catch (const federation::FetchError& e) {
    failure = e.what();
  }
  if (!failure.empty()) throw jobs::RetryableError("Move target " + target_uri + ": " + failure);
  if (!target || target->suspended_at) co_return;
  auto relations = co_await db_.tx([&](db::Tx& tx) -> std::optional<db::LocalRelationsOf> {
    auto aliases = db::AccountRepository::also_known_as(tx, target->id);
    if (std::find(aliases.begin(), aliases.end(), origin_uri) == aliases.end()) {
      return std::nullopt;
    }
    db::AccountRepository::set_moved_to(tx, origin->id, target->id);
    return db::SocialRepository::local_relations_of(tx, origin->id);
  });
  if (!relations) {
    log()->info("inbox: Move of {} to {} refused: the target does not list it in alsoKnownAs",
                origin_uri, target_uri);
    co_return;
  }
  int moved = 0;
  for (const auto& [follower, options] : relations->followers) {
    // A follower who blocks the target, or is blocked by it, keeps following the old account
    // (Mastodon's UnfollowFollowWorker stops there too).
    bool followed = true;
    try {
      co_await relationships_.follow(follower, target->id, options);
    } catch (const Error&) {
      followed = false;
    }
    if (!followed) continue;
    co_await relationships_.unfollow(follower, origin->id);
    ++moved;
  }
  for (std::int64_t blocker : relations->blockers) {
    co_await relationships_.block(blocker, target->id);
  }
  for (const auto& [muter, hide_notifications] : relations->muters) {
    co_await relationships_.mute(muter, target->id, hide_notifications, 0);
  }
  log()->info("inbox: {} moved to {}: {} local followers now follow the new account", origin_uri,
              target_uri, moved);
}

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

awaitable<void> InboxService::on_delete_actor(const json& activity) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  bool removed =
      co_await db_.tx([&](db::Tx& tx) { return db::AccountRepository::delete_remote(tx, actor); });
  if (removed) log()->info("inbox: {} deleted itself; removed with everything it had here", actor);
}

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

awaitable<std::optional<std::int64_t>> InboxService::known_or_fetched_status(std::string uri,
                                                                             int depth) {
  // The status may be known by another id than the URL asked for (a page URL whose document
  // names its id): `found_as` follows what the fetch learns.
  auto found_as = std::make_shared<std::string>(uri);
  auto known = [&]() -> awaitable<std::optional<std::int64_t>> {
    auto row =
        co_await db_.read([&](db::Tx& tx) { return db::StatusRepository::by_uri(tx, *found_as); });
    co_return row ? std::optional<std::int64_t>(row->first) : std::nullopt;
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

awaitable<void> InboxService::store_note(const activitypub::RemoteNote& note,
                                         const domain::Account& author, int depth, bool fan_out) {
  // The status replied to comes first, so the reply threads under it.
  if (note.in_reply_to) co_await known_or_fetched_status(*note.in_reply_to, depth + 1);
  db::NewStatus row;
  row.id = ids_.next();
  row.account_id = author.id;
  row.uri = note.uri;
  row.url = note.url.value_or(note.uri);
  row.spoiler_text = note.summary;
  row.content = note.content_html;
  row.visibility = note.visibility;
  row.sensitive = note.sensitive;
  row.language = note.language;
  co_await db_.tx([&](db::Tx& tx) {
    row.conversation_id = row.id;
    if (note.in_reply_to) {
      if (auto parent = db::StatusRepository::by_uri(tx, *note.in_reply_to)) {
        row.in_reply_to_id = parent->first;
        row.in_reply_to_account_id = parent->second;
        row.conversation_id = db::StatusRepository::conversation_of(tx, parent->first);
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
    // Attachments are recorded now and cached here by jobs (fetched through the guarded
    // client, processed like uploads); until then apps see them as links to their origin.
    for (const auto& att : note.attachments) {
      db::MediaRow media;
      media.id = ids_.next();
      media.account_id = author.id;
      media.status_id = row.id;
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
    // Home feeds of local followers and the mentioned, notifications, live streams: the same
    // fan-out job as a local post. Statuses fetched for context (a boosted post, a parent) are
    // stored without it, as Mastodon does.
    if (fan_out) enqueue_fan_out(tx, row.id);
    PreviewCardService::enqueue(tx, config_, {row.id, row.content, !row.spoiler_text.empty()});
  });
}

awaitable<void> InboxService::on_delete(const json& activity) {
  co_await remove_authored(activitypub::id_of(activity["actor"]),
                           activitypub::id_of(activity.value("object", json())));
}

awaitable<void> InboxService::remove_authored(std::string actor, std::string object) {
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::by_uri(tx, object);
    auto author = db::AccountRepository::find_by_uri(tx, actor);
    // Only its author deletes a status.
    if (!status || !author || status->second != author->id) return;
    // Counters follow, as when a local status goes.
    if (auto row = db::StatusRepository::find(tx, status->first)) {
      if (row->reblog_of_id) db::StatusRepository::bump_reblogs(tx, *row->reblog_of_id, -1);
      if (row->in_reply_to_id) db::StatusRepository::bump_replies(tx, *row->in_reply_to_id, -1);
    }
    for (auto gone : db::StatusRepository::soft_delete(tx, status->first)) {
      streaming::publish(tx, {streaming::Event::Kind::kDelete, gone, 0, {}});
    }
    db::ConversationRepository::remove_status(tx, status->first);
  });
}

awaitable<void> InboxService::on_like(const json& activity, bool undo) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  const json& like = undo ? activity["object"] : activity;
  const std::string object = activitypub::id_of(like.value("object", json()));
  // Undoing needs no fetch: someone we never met has no like to take back.
  auto liker = co_await remote_actor(actor, !undo);
  if (!liker) co_return;
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::by_uri(tx, object);
    if (!status) return;
    // Favouriting a post one may not see would reach its author's notifications.
    if (!undo && !db::StatusRepository::visible(tx, status->first, liker->id)) return;
    if (undo) {
      remove_favourite(tx, liker->id, status->first);
    } else {
      add_favourite(tx, row, liker->id, status->first, status->second);
    }
  });
}

awaitable<void> InboxService::on_announce(const json& activity) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  const std::string object = activitypub::id_of(activity.value("object", json()));
  const std::string uri = activitypub::id_of(activity.value("id", json()));
  // The boost is stored under its id, which must be its booster's (as the inbox checks on
  // arrival): never under an id another server could own.
  if (uri.empty() || host_of(uri) != host_of(actor)) co_return;
  // A boost of a status not known here: fetched from its server first.
  if (!co_await known_or_fetched_status(object, 0)) co_return;
  auto original =
      co_await db_.read([&](db::Tx& tx) { return db::StatusRepository::by_uri(tx, object); });
  if (!original) co_return;
  auto booster = co_await remote_actor(actor);
  if (!booster) co_return;
  db::NewStatus row;
  row.id = ids_.next();
  row.account_id = booster->id;
  row.uri = uri;
  row.url = uri;
  row.visibility = domain::Visibility::kPublic;
  row.reblog_of_id = original->first;
  row.conversation_id = row.id;
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::find(tx, original->first);
    // Never a boost of something its audience may not see.
    if (!status || !may_boost(*status, booster->id)) return;
    row.visibility = status->visibility;
    if (!db::StatusRepository::insert_remote(tx, row)) return;
    boost_added(tx, row.id, booster->id, status->id, status->account_id);
  });
}

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
    if (!status || !author || status->second != author->id) return;  // only its author edits
    // A poll's server sends Update as votes come in: new counts are not an edit.
    if (note->poll) set_poll_counts(tx, status->first, *note->poll);
    auto stored = db::StatusRepository::find(tx, status->first);
    bool edited = !stored || stored->content != note->content_html ||
                  stored->spoiler_text != note->summary || stored->sensitive != note->sensitive;
    if (edited) {
      db::NewStatus updated;
      updated.spoiler_text = note->summary;
      updated.content = note->content_html;
      updated.sensitive = note->sensitive;
      updated.language = note->language;
      db::StatusRepository::edit(tx, status->first, snapshot, updated);
      PreviewCardService::enqueue(
          tx, config_, {status->first, updated.content, !updated.spoiler_text.empty(), true});
      db::StatusRepository::add_tags(tx, status->first, note->hashtags);
    }
    db::CustomEmojiRepository::set_status_emojis(
        tx, status->first,
        federation::record_remote_emojis(tx, ids_, author->domain.value_or(""), note->emojis));
    streaming::publish(tx, {streaming::Event::Kind::kStatusUpdate, status->first, 0, {}});
  });
}

awaitable<void> InboxService::on_block(const json& activity, bool undo) {
  const std::string actor = activitypub::id_of(activity["actor"]);
  const json& block = undo ? activity["object"] : activity;
  auto username = local_username(activitypub::id_of(block.value("object", json())));
  if (!username) co_return;
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    // An account we never met has no follows to end; nothing to record either.
    auto blocker = db::AccountRepository::find_by_uri(tx, actor);
    auto target = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    if (!blocker || !blocker->domain || !target) return;
    if (undo) {
      db::SocialRepository::unblock(tx, blocker->id, target->id);
    } else {
      db::SocialRepository::block(tx, row, blocker->id, target->id);  // ends both follows
    }
  });
}

awaitable<void> InboxService::on_follow(const json& activity) {
  auto username = local_username(activitypub::id_of(activity.value("object", json())));
  if (!username) co_return;  // not one of ours
  auto follower = co_await remote_actor(activitypub::id_of(activity["actor"]));
  if (!follower) co_return;
  std::int64_t row = ids_.next(), answer_row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto target = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    if (!target || target->suspended_at) return;
    auto inboxes = db::AccountRepository::inboxes(tx, follower->id);
    auto rel = db::SocialRepository::relationships(tx, target->id,
                                                   std::vector<std::int64_t>{follower->id});
    bool blocked = !rel.empty() && (rel[0].blocking || rel[0].blocked_by);
    const std::string me = config_.actor_url(target->username);
    auto answer = [&](const std::string& kind) {
      json a = activitypub::follow_answer_activity(me, kind, answer_row, activity);
      if (inboxes && !inboxes->inbox.empty()) {
        federation::enqueue_delivery(tx, inboxes->inbox, a, target->id);
      }
    };
    if (blocked) {
      answer("Reject");
      return;
    }
    db::FollowOptions options;
    if (target->locked) {
      if (db::SocialRepository::request_follow(tx, row, follower->id, target->id, options)) {
        enqueue_notification(tx, target->id, follower->id, "follow_request", std::nullopt);
      }
      // Answered when the person decides (RelationshipService::authorize/reject_request).
      std::string follow_id = activitypub::id_of(activity.value("id", json()));
      if (!follow_id.empty()) {
        db::DeliveryHostRepository::set_follow_request_uri(tx, follower->id, target->id, follow_id);
      }
      return;
    }
    if (db::SocialRepository::follow(tx, row, follower->id, target->id, options)) {
      enqueue_notification(tx, target->id, follower->id, "follow", std::nullopt);
    }
    answer("Accept");
  });
}

awaitable<void> InboxService::on_accept_or_reject(const json& activity, bool accepted) {
  const json object = activity.value("object", json());
  // The Follow answered: embedded (its actor is ours) or by its id (which names our actor).
  std::string follower_id = object.is_object() ? activitypub::id_of(object.value("actor", json()))
                                               : activitypub::id_of(object);
  auto username = local_username(follower_id);
  if (!username) co_return;
  const std::string actor = activitypub::id_of(activity["actor"]);
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto follower = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    auto followed = db::AccountRepository::find_by_uri(tx, actor);
    if (!follower || !followed || !followed->domain) return;
    auto request = db::SocialRepository::withdraw_request(tx, follower->id, followed->id);
    if (!accepted) {
      db::SocialRepository::unfollow(tx, follower->id, followed->id);
      return;
    }
    if (request) db::SocialRepository::follow(tx, row, follower->id, followed->id, *request);
  });
}

awaitable<void> InboxService::on_undo(const json& activity) {
  const json object = activity.value("object", json());
  if (object.is_object() && object.value("type", json("")) == json("Like")) {
    co_await on_like(activity, true);
    co_return;
  }
  if (object.is_object() && object.value("type", json("")) == json("Block")) {
    co_await on_block(activity, true);
    co_return;
  }
  if (object.is_object() && object.value("type", json("")) == json("Announce")) {
    co_await remove_authored(activitypub::id_of(activity["actor"]), activitypub::id_of(object));
    co_return;
  }
  if (!object.is_object() || object.value("type", json("")) != json("Follow")) {
    log()->info("inbox: verified Undo {} from {}; not processed yet",
                activitypub::id_of(activity.value("id", json())),
                activitypub::id_of(activity.value("actor", json())));
    co_return;
  }
  auto username = local_username(activitypub::id_of(object.value("object", json())));
  if (!username) co_return;
  const std::string actor = activitypub::id_of(activity["actor"]);
  co_await db_.tx([&](db::Tx& tx) {
    auto follower = db::AccountRepository::find_by_uri(tx, actor);
    auto target = db::AccountRepository::find_by_acct(tx, *username, std::nullopt);
    if (follower && target) db::SocialRepository::unfollow(tx, follower->id, target->id);
  });
}

}  // namespace lox::services
