#include <loxodon/activitypub/html_sanitizer.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/actor_resolver.hpp>
#include <loxodon/util/html.hpp>

#include <array>

namespace lox::federation {

using nlohmann::json;

namespace {

constexpr auto kRefreshAfter = std::chrono::hours(24);
constexpr std::array<std::string_view, 5> kActorTypes = {"Person", "Service", "Group",
                                                         "Organization", "Application"};

bool is_actor_type(const json& type) {
  auto one = [](const json& t) {
    return t.is_string() && std::find(kActorTypes.begin(), kActorTypes.end(),
                                      t.get<std::string>()) != kActorTypes.end();
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

std::string first_type(const json& type) {
  if (type.is_array() && !type.empty()) return first_type(type[0]);
  return type.is_string() ? type.get<std::string>() : "";
}

std::string string_field(const json& doc, const char* key) {
  return doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : "";
}

std::optional<std::string> optional_id(const json& doc, const char* key) {
  if (!doc.contains(key)) return std::nullopt;
  std::string id = activitypub::id_of(doc[key]);
  return id.empty() ? std::nullopt : std::optional<std::string>(id);
}

// `url` may be a string, a Link object or an array of either (the first wins).
std::optional<std::string> url_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) {
    if (value.contains("href") && value["href"].is_string())
      return value["href"].get<std::string>();
    return std::nullopt;
  }
  if (value.is_array() && !value.empty()) return url_of(value[0]);
  return std::nullopt;
}

// Names are plain text: no markup, no control characters, at most Mastodon's 30 graphemes'
// worth of bytes times a margin.
std::string plain_name(std::string name) {
  std::string out;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out.push_back(c);
  }
  out = to_valid_utf8(out);
  if (out.size() > 400) out.resize(400);
  return to_valid_utf8(out);
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
  request.url =
      scheme + "://" + domain + "/.well-known/webfinger?resource=acct:" + username + "@" + domain;
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
  auto doc = json::parse(response.body, nullptr, false);
  if (!doc.is_object() || !doc.contains("links") || !doc["links"].is_array()) {
    throw FetchError("WebFinger at " + domain + " gave no links");
  }
  for (const auto& link : doc["links"]) {
    if (!link.is_object() || link.value("rel", "") != "self" || !link.contains("href")) continue;
    std::string type = link.value("type", "");
    if (type == "application/activity+json" ||
        type == "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"") {
      co_return link["href"].get<std::string>();
    }
  }
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
  if (stored && stored->second &&
      now_ms - *stored->second <
          std::chrono::duration_cast<std::chrono::milliseconds>(kRefreshAfter).count()) {
    co_return co_await db_.read(
        [&](db::Tx& tx) { return db::AccountRepository::find(tx, stored->first); });
  }
  auto actor_id = co_await webfinger(username, domain);
  if (!actor_id) co_return std::nullopt;
  json actor = co_await fetcher_.fetch(*actor_id);
  if (activitypub::id_of(actor) != *actor_id)
    throw FetchError("the actor at " + *actor_id + " has another id");
  auto account = co_await store(actor);
  // The handle asked for and the actor's own must agree (Mastodon's WebFinger round trip).
  if (domain::lowercase(account.username) != username ||
      domain::lowercase(account.domain.value_or("")) != domain) {
    throw FetchError("@" + username + "@" + domain + " leads to an actor that calls itself @" +
                     account.username + "@" + account.domain.value_or(""));
  }
  co_return account;
}

awaitable<std::optional<domain::Account>> ActorResolver::resolve_uri(std::string actor_uri) {
  json actor;
  try {
    actor = co_await fetcher_.fetch(actor_uri);
  } catch (const FetchError& e) {
    if (e.gone()) co_return std::nullopt;
    throw;
  }
  if (!is_actor_type(actor.value("type", json()))) co_return std::nullopt;
  if (activitypub::id_of(actor) != actor_uri)
    throw FetchError("the actor at " + actor_uri + " has another id");
  auto account = co_await store(actor);
  // The actor must be findable as @username@its-host (its WebFinger leads back to it).
  auto back = co_await webfinger(account.username, account.domain.value_or(""));
  if (!back || *back != actor_uri) {
    throw FetchError("WebFinger for @" + account.username + "@" + account.domain.value_or("") +
                     " does not lead back to " + actor_uri);
  }
  co_return account;
}

awaitable<domain::Account> ActorResolver::store(const json& actor) {
  if (!is_actor_type(actor.value("type", json()))) throw FetchError("not an actor");
  db::AccountRepository::RemoteActorRow row;
  row.uri = activitypub::id_of(actor);
  auto id_url = net::parse_url(row.uri);
  if (!id_url) throw FetchError("the actor id is not an http(s) URL");
  row.domain = id_url->authority();
  row.username = string_field(actor, "preferredUsername");
  if (row.username.empty() || row.username.size() > 255 || !valid_utf8(row.username)) {
    throw FetchError("the actor has no usable preferredUsername");
  }
  row.inbox_url = activitypub::id_of(actor.value("inbox", json()));
  if (row.inbox_url.empty()) throw FetchError("the actor has no inbox");
  row.display_name = plain_name(string_field(actor, "name"));
  row.note_html = activitypub::sanitize_html(to_valid_utf8(string_field(actor, "summary")));
  row.url = url_of(actor.value("url", json()));
  row.locked = actor.value("manuallyApprovesFollowers", json(false)) == json(true);
  row.bot = first_type(actor["type"]) == "Service" || first_type(actor["type"]) == "Application";
  row.discoverable = actor.value("discoverable", json(false)) == json(true);
  row.indexable = actor.value("indexable", json(false)) == json(true);
  row.actor_type = first_type(actor["type"]);
  if (actor.contains("endpoints") && actor["endpoints"].is_object()) {
    row.shared_inbox_url = optional_id(actor["endpoints"], "sharedInbox");
  }
  if (!row.shared_inbox_url) row.shared_inbox_url = optional_id(actor, "sharedInbox");
  row.outbox_url = optional_id(actor, "outbox");
  row.followers_url = optional_id(actor, "followers");
  row.following_url = optional_id(actor, "following");
  // The key that signs for this actor: one whose owner is the actor itself.
  const json& keys = actor.value("publicKey", json());
  for (const auto& k : keys.is_array() ? keys : json::array({keys})) {
    if (k.is_object() && activitypub::id_of(k.value("owner", json())) == row.uri &&
        k.contains("publicKeyPem") && k["publicKeyPem"].is_string()) {
      row.public_key_pem = k["publicKeyPem"].get<std::string>();
      break;
    }
  }
  std::int64_t new_id = ids_.next();
  co_return co_await db_.tx([&](db::Tx& tx) {
    std::int64_t id = db::AccountRepository::upsert_remote(tx, new_id, row);
    auto account = db::AccountRepository::find(tx, id);
    if (!account) throw FetchError("the remote account could not be stored");
    return *account;
  });
}

}  // namespace lox::federation
