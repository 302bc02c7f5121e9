#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/activity_fetcher.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/json_limits.hpp>
#include <loxodon/util/time_format.hpp>

#include <cctype>

namespace lox::federation {

using nlohmann::json;

namespace {

constexpr auto kKeyLifetime = std::chrono::hours(1);
constexpr std::size_t kMaxCachedKeys = 10000;
// One server's keys take at most this share of the cache: no sender can push out the rest.
constexpr std::size_t kMaxCachedKeysPerHost = 2000;
constexpr auto kRefetchWindow = std::chrono::minutes(1);
constexpr std::size_t kMaxRefetchesPerHost = 10;

std::string authority_of(const std::string& url) {
  auto parsed = net::parse_url(url);
  return parsed ? parsed->scheme + "://" + parsed->authority() : "";
}

// Mastodon accepts exactly these as ActivityPub answers; application/json is not one.
bool activity_type(const std::string& content_type) {
  std::string t = domain::lowercase(content_type);
  return t.starts_with("application/activity+json") ||
         (t.starts_with("application/ld+json") &&
          t.find("https://www.w3.org/ns/activitystreams") != std::string::npos);
}

// The key `key_id` as the fetched document carries it: in its publicKey (one or a list), or the
// document itself when it is the key. Null when it is not there.
json key_document(const json& doc, const std::string& key_id) {
  json key_doc;
  auto matches = [&](const json& k) { return k.is_object() && activitypub::id_of(k) == key_id; };
  if (doc.contains("publicKey")) {
    const json& pk = doc["publicKey"];
    if (pk.is_array()) {
      for (const auto& k : pk) {
        if (matches(k)) key_doc = k;
      }
    } else if (matches(pk)) {
      key_doc = pk;
    }
  } else if (activitypub::id_of(doc) == key_id) {
    key_doc = doc;
  }
  return key_doc;
}

RemoteKey read_key(const json& key_doc, const std::string& key_id, const std::string& url) {
  if (!key_doc.is_object() || !key_doc.contains("publicKeyPem") ||
      !key_doc["publicKeyPem"].is_string()) {
    throw FetchError("no public key " + key_id + " at " + url);
  }
  RemoteKey key{key_id, activitypub::id_of(key_doc.value("owner", json())),
                key_doc["publicKeyPem"].get<std::string>(), nullptr};
  try {
    key.verifier = std::make_shared<activitypub::VerificationKey>(
        activitypub::VerificationKey::from_pem(key.public_key_pem));
  } catch (const activitypub::SignatureError& e) {
    throw FetchError("the key " + key_id + " cannot be read: " + e.what());
  }
  return key;
}

void check_owner(const json& doc, const RemoteKey& key) {
  const std::string& key_id = key.key_id;
  // A key is the owner's only if the owner's document says so: the actor document we fetched,
  // or (for a separate key document) the owner it names, on the same host.
  if (doc.contains("publicKey") && key.owner != activitypub::id_of(doc)) {
    throw FetchError("key " + key_id + " does not belong to " + activitypub::id_of(doc));
  }
  // Same scheme, host and port: on a shared host, another port is another server.
  const std::string key_origin = authority_of(key_id);
  if (key_origin.empty() || authority_of(key.owner) != key_origin) {
    throw FetchError("key " + key_id + " has an owner on another host or port");
  }
}

}  // namespace

ActivityFetcher::ActivityFetcher(const config::Config& config, net::HttpClient& client,
                                 const std::string& instance_key_pem, asio::thread_pool& signing)
    : config_(config), client_(client), instance_key_pem_(instance_key_pem), signing_(signing) {}

awaitable<json> ActivityFetcher::fetch(std::string url) {
  auto parsed = net::parse_url(url);
  if (!parsed) throw FetchError("not an http(s) URL: " + url);
  // Plain HTTP only where this server itself runs on it (local development and tests).
  if (parsed->scheme == "http" && config_.scheme != "http") {
    throw FetchError("refusing plain HTTP for " + url);
  }
  net::HttpClientRequest request;
  request.url = url;
  request.headers = {{"Accept",
                      "application/activity+json, application/ld+json; "
                      "profile=\"https://www.w3.org/ns/activitystreams\""},
                     {"Date", format_http_date(std::chrono::system_clock::now())}};
  if (!instance_key_pem_.empty()) {
    activitypub::SignedRequest to_sign;
    to_sign.method = "GET";
    to_sign.target = parsed->target;
    to_sign.headers = request.headers;
    to_sign.headers.emplace_back("Host", parsed->authority());
    std::string key_id = config_.base_url() + "/actor#main-key";
    auto signing_key = instance_signing_key();
    auto sign = [&] {
      return activitypub::sign_cavage(to_sign, {"(request-target)", "host", "date", "accept"},
                                      *signing_key, key_id);
    };
    std::string signature = co_await run_blocking(signing_, sign);
    request.headers.emplace_back("Signature", std::move(signature));
  }
  net::HttpClientResponse response;
  try {
    response = co_await client_.send(request);
  } catch (const net::HttpClientError& e) {
    throw FetchError(e.what());
  }
  if (response.status == 404 || response.status == 410) {
    throw FetchError(url + " is gone (" + std::to_string(response.status) + ")", true);
  }
  if (response.status != 200) {
    throw FetchError(url + " answered " + std::to_string(response.status));
  }
  if (!activity_type(response.header("Content-Type").value_or(""))) {
    throw FetchError(url + " is not an ActivityPub document");
  }
  // Depth-limited before anything copies or walks it: the sender of an unsigned POST chooses
  // which key document we fetch.
  auto doc = parse_json_or_discarded(response.body);
  if (!doc.is_object()) {
    throw FetchError(url + " is not a JSON object (or is too large or nested too deeply)");
  }
  co_return doc;
}

std::shared_ptr<const activitypub::SigningKey> ActivityFetcher::instance_signing_key() {
  std::lock_guard lock(signing_mutex_);
  if (!signing_key_ || signing_pem_ != instance_key_pem_) {
    signing_key_ = std::make_shared<activitypub::SigningKey>(
        activitypub::SigningKey::from_pem(instance_key_pem_));
    signing_pem_ = instance_key_pem_;
  }
  return signing_key_;
}

std::optional<RemoteKey> ActivityFetcher::cached_key(const std::string& key_id) const {
  std::lock_guard lock(keys_mutex_);
  auto it = keys_.find(key_id);
  if (it == keys_.end() || std::chrono::steady_clock::now() - it->second.fetched > kKeyLifetime) {
    return std::nullopt;
  }
  return it->second.key;
}

awaitable<RemoteKey> ActivityFetcher::public_key(std::string key_id, bool refresh) {
  if (!refresh) {
    if (auto known = cached_key(key_id)) co_return *known;
  }
  // The key lives in its actor's document (keyId = actor#main-key), or is a document itself.
  std::string url = key_id.substr(0, key_id.find('#'));
  json doc = co_await fetch(url);
  // What answers at a URL speaks for that URL only (a document claiming another id could be
  // any file someone can serve on that host). An actor answering at its key's address
  // (GoToSocial's keyId is the actor's id + "/main-key") is fetched again at its own id, on
  // the same origin, and must carry that id there, as Mastodon does.
  const std::string doc_id = activitypub::id_of(doc);
  if (doc_id != url && doc_id != key_id) {
    if (!doc.contains("publicKey") || authority_of(doc_id).empty() ||
        authority_of(doc_id) != authority_of(url)) {
      throw FetchError("the document at " + url + " has another id");
    }
    doc = co_await fetch(doc_id);
    if (activitypub::id_of(doc) != doc_id) {
      throw FetchError("the actor at " + doc_id + " has another id");
    }
  }
  RemoteKey key = read_key(key_document(doc, key_id), key_id, url);
  check_owner(doc, key);
  if (!doc.contains("publicKey")) {
    // A key document of its own: its owner's document must list it, as Mastodon checks.
    json owner = co_await fetch(key.owner);
    bool listed = false;
    const json& pk = owner.value("publicKey", json());
    for (const auto& k : pk.is_array() ? pk : json::array({pk})) {
      listed = listed || (k.is_object() && activitypub::id_of(k) == key_id);
    }
    if (activitypub::id_of(owner) != key.owner || !listed) {
      throw FetchError("the owner of key " + key_id + " does not list it");
    }
  }
  {
    std::lock_guard lock(keys_mutex_);
    remember(key);
  }
  co_return key;
}

void ActivityFetcher::remember(const RemoteKey& key) {
  const auto now = std::chrono::steady_clock::now();
  const std::string host = authority_of(key.key_id);
  auto forget = [&](std::map<std::string, CachedKey>::iterator it) {
    auto counted = keys_per_host_.find(authority_of(it->first));
    if (counted != keys_per_host_.end() && --counted->second == 0) keys_per_host_.erase(counted);
    return keys_.erase(it);
  };
  if (auto known = keys_.find(key.key_id); known != keys_.end()) forget(known);
  if (keys_.size() >= kMaxCachedKeys || keys_per_host_[host] >= kMaxCachedKeysPerHost) {
    // Expired keys go first; then the oldest of this host's (when it is at its share) or of
    // all.
    for (auto it = keys_.begin(); it != keys_.end();) {
      it = now - it->second.fetched > kKeyLifetime ? forget(it) : std::next(it);
    }
    bool host_full = keys_per_host_[host] >= kMaxCachedKeysPerHost;
    while (keys_.size() >= kMaxCachedKeys ||
           (host_full && keys_per_host_[host] >= kMaxCachedKeysPerHost)) {
      auto oldest = keys_.end();
      for (auto it = keys_.begin(); it != keys_.end(); ++it) {
        if (host_full && authority_of(it->first) != host) continue;
        if (oldest == keys_.end() || it->second.fetched < oldest->second.fetched) oldest = it;
      }
      if (oldest == keys_.end()) break;
      forget(oldest);
    }
  }
  keys_[key.key_id] = {key, now};
  ++keys_per_host_[host];
}

bool ActivityFetcher::may_refetch(const std::string& key_id) {
  const auto now = std::chrono::steady_clock::now();
  const std::string host = authority_of(key_id);
  std::lock_guard lock(keys_mutex_);
  if (refetched_keys_.size() > kMaxCachedKeys || refetches_by_host_.size() > kMaxCachedKeys) {
    std::erase_if(refetched_keys_, [&](const auto& e) { return now - e.second > kRefetchWindow; });
    for (auto it = refetches_by_host_.begin(); it != refetches_by_host_.end();) {
      std::erase_if(it->second, [&](auto t) { return now - t > kRefetchWindow; });
      it = it->second.empty() ? refetches_by_host_.erase(it) : std::next(it);
    }
  }
  auto last = refetched_keys_.find(key_id);
  if (last != refetched_keys_.end() && now - last->second < kRefetchWindow) return false;
  auto& recent = refetches_by_host_[host];
  std::erase_if(recent, [&](auto t) { return now - t > kRefetchWindow; });
  if (recent.size() >= kMaxRefetchesPerHost) return false;
  recent.push_back(now);
  refetched_keys_[key_id] = now;
  return true;
}

}  // namespace lox::federation
