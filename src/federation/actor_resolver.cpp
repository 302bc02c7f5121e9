#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/actor_resolver.hpp>
#include <loxodon/federation/remote_emojis.hpp>
#include <loxodon/federation/remote_image_jobs.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/json_limits.hpp>
#include <loxodon/util/url_encode.hpp>

#include <spdlog/spdlog.h>

#include <array>

namespace lox::federation {

using nlohmann::json;

namespace {

constexpr auto kRefreshAfter = std::chrono::hours(24);

// The handle an actor document claims, @username@host[:port] of its id, read (and refused when
// malformed) before anything is stored.
std::pair<std::string, std::string> claimed_handle(const json& document) {
  activitypub::RemoteActor actor;
  try {
    actor = activitypub::read_actor(document);
  } catch (const activitypub::ActorError& e) {
    throw FetchError(e.what());
  }
  auto id_url = net::parse_url(actor.id);
  if (!id_url) throw FetchError("the actor id is not an http(s) URL");
  return {actor.username, id_url->authority()};
}

}  // namespace

ActorResolver::ActorResolver(const config::Config& config, db::Database& db,
                             net::HttpClient& client, ActivityFetcher& fetcher,
                             SnowflakeGenerator& ids)
    : config_(config), db_(db), client_(client), fetcher_(fetcher), ids_(ids) {}

awaitable<std::optional<std::string>> ActorResolver::webfinger(const std::string& username,
                                                               const std::string& domain) {
  // HTTPS everywhere but where this server itself runs plain HTTP (development and tests).
  std::string scheme = config_.scheme == "http" ? "http" : "https";
  net::HttpClientRequest request;
  request.url = scheme + "://" + domain +
                "/.well-known/webfinger?resource=" + url_encode("acct:" + username + "@" + domain);
  request.headers = {{"Accept", "application/jrd+json, application/json"}};
  net::HttpClientResponse response;
  try {
    response = co_await client_.send(request);
  } catch (const net::HttpClientError& e) {
    throw FetchError(e.what());
  }
  if (response.status == 404 || response.status == 410) co_return std::nullopt;
  if (response.status != 200) {
    throw FetchError("WebFinger at " + domain + " answered " + std::to_string(response.status));
  }
  auto doc = parse_json_or_discarded(response.body);
  if (auto link = activitypub::webfinger_actor_link(doc)) co_return *link;
  throw FetchError("WebFinger at " + domain + " names no ActivityPub actor");
}

awaitable<std::optional<domain::Account>> ActorResolver::resolve_handle(std::string username,
                                                                        std::string domain) {
  username = domain::lowercase(username);
  domain = domain::lowercase(domain);
  auto stored = co_await db_.read(
      [&](db::Tx& tx) { return db::AccountRepository::remote_account(tx, "", username, domain); });
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  if (stored && stored->fetched_at_ms &&
      now_ms - *stored->fetched_at_ms <
          std::chrono::duration_cast<std::chrono::milliseconds>(kRefreshAfter).count()) {
    co_return co_await db_.read(
        [&](db::Tx& tx) { return db::AccountRepository::find(tx, stored->id); });
  }
  auto actor_id = co_await webfinger(username, domain);
  if (!actor_id) co_return std::nullopt;
  json actor = co_await fetcher_.fetch(*actor_id);
  if (activitypub::id_of(actor) != *actor_id)
    throw FetchError("the actor at " + *actor_id + " has another id");
  // The handle asked for and the actor's own must agree (Mastodon's WebFinger round trip),
  // before anything is stored: a document claiming an existing name must not overwrite it.
  auto [claimed_user, claimed_domain] = claimed_handle(actor);
  if (domain::lowercase(claimed_user) != username || domain::lowercase(claimed_domain) != domain) {
    throw FetchError("@" + username + "@" + domain + " leads to an actor that calls itself @" +
                     claimed_user + "@" + claimed_domain);
  }
  co_return co_await store(actor);
}

awaitable<std::optional<domain::Account>> ActorResolver::resolve_uri(std::string actor_uri) {
  json actor;
  bool gone = false;
  try {
    actor = co_await fetcher_.fetch(actor_uri);
  } catch (const FetchError& e) {
    if (!e.gone()) throw;
    gone = true;
  }
  if (gone) {
    // As Mastodon: an actor its server says is gone is removed here too, with what it had.
    bool removed = co_await db_.tx(
        [&](db::Tx& tx) { return db::AccountRepository::delete_remote(tx, actor_uri); });
    if (removed) spdlog::info("remote actor {} is gone (404/410): removed", actor_uri);
    co_return std::nullopt;
  }
  if (!activitypub::is_actor_type(actor.value("type", json()))) co_return std::nullopt;
  if (activitypub::id_of(actor) != actor_uri)
    throw FetchError("the actor at " + actor_uri + " has another id");
  // The actor must be findable as @username@its-host (its WebFinger leads back to it) before
  // it is stored: a document claiming an existing name must not overwrite that account.
  auto [claimed_user, claimed_domain] = claimed_handle(actor);
  auto back = co_await webfinger(claimed_user, claimed_domain);
  if (!back || *back != actor_uri) {
    throw FetchError("WebFinger for @" + claimed_user + "@" + claimed_domain +
                     " does not lead back to " + actor_uri);
  }
  co_return co_await store(actor);
}

awaitable<void> ActorResolver::apply_update(json document) {
  std::string id = activitypub::id_of(document);
  auto stored =
      co_await db_.read([&](db::Tx& tx) { return db::AccountRepository::find_by_uri(tx, id); });
  if (!stored) co_return;
  const json username_value = document.value("preferredUsername", json());
  std::string username = username_value.is_string() ? username_value.get<std::string>() : "";
  if (domain::lowercase(username) == domain::lowercase(stored->username)) {
    co_await store(document);
  } else {
    co_await resolve_uri(id);
  }
}

awaitable<domain::Account> ActorResolver::store(const json& document) {
  activitypub::RemoteActor actor;
  try {
    actor = activitypub::read_actor(document);
  } catch (const activitypub::ActorError& e) {
    throw FetchError(e.what());
  }
  db::AccountRepository::RemoteActorRow row;
  row.uri = actor.id;
  auto id_url = net::parse_url(row.uri);
  if (!id_url) throw FetchError("the actor id is not an http(s) URL");
  row.domain = id_url->authority();
  // Local usernames are at most 30 characters; remote ones are kept if a database index can.
  if (actor.username.size() > 255) throw FetchError("the actor's preferredUsername is too long");
  row.username = actor.username;
  row.inbox_url = actor.inbox;
  row.display_name = to_valid_utf8(actor.display_name.substr(0, 400));
  row.note_html = actor.summary_html;
  row.url = actor.url;
  row.locked = actor.locked;
  row.bot = actor.bot;
  row.discoverable = actor.discoverable;
  row.indexable = actor.indexable;
  row.actor_type = actor.type;
  row.shared_inbox_url = actor.shared_inbox;
  row.outbox_url = actor.outbox;
  row.followers_url = actor.followers;
  row.following_url = actor.following;
  row.public_key_pem = actor.public_key_pem;
  json fields = json::array();
  for (const auto& [name, value] : actor.fields)
    fields.push_back({{"name", name}, {"value", value}});
  row.fields_json = fields.dump();
  row.also_known_as_json = json(actor.also_known_as).dump();
  row.moved_to_uri = actor.moved_to;
  std::int64_t new_id = ids_.next();
  co_return co_await db_.tx([&](db::Tx& tx) {
    std::int64_t id = db::AccountRepository::upsert_remote(tx, new_id, row);
    db::CustomEmojiRepository::set_account_emojis(
        tx, id, record_remote_emojis(tx, ids_, row.domain, actor.emojis));
    // A new or changed avatar or header is copied here by a job.
    auto before = db::DeliveryHostRepository::remote_images(tx, id);
    db::DeliveryHostRepository::set_remote_images(tx, id, actor.avatar_url, actor.header_url);
    for (bool header : {false, true}) {
      const auto& now = header ? actor.header_url : actor.avatar_url;
      const std::string& was = header ? before.header_url : before.avatar_url;
      bool cached = header ? before.header_cached : before.avatar_cached;
      if (!now || (*now == was && cached)) continue;
      enqueue_profile_image_fetch(tx, id, header);
    }
    auto account = db::AccountRepository::find(tx, id);
    if (!account) throw FetchError("the remote account could not be stored");
    return *account;
  });
}

}  // namespace lox::federation
