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

// Mastodon accepts exactly these as ActivityPub answers; application/json is not one.
bool activity_type(const std::string& content_type) {
  std::string t = domain::lowercase(content_type);
  return t.starts_with("application/activity+json") ||
         (t.starts_with("application/ld+json") &&
          t.find("https://www.w3.org/ns/activitystreams") != std::string::npos);
}

}  // namespace

ActivityFetcher::ActivityFetcher(const config::Config& config, net::HttpClient& client,
                                 const std::string& instance_key_pem, asio::thread_pool& blocking)
    : config_(config), client_(client), instance_key_pem_(instance_key_pem), blocking_(blocking) {}

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
    std::string signature = co_await run_blocking(blocking_, sign);
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
  // A key is the owner's only if the owner's document says so: the actor document we fetched,
  // or (for a separate key document) the owner it names, on the same host.
  if (doc.contains("publicKey") && key.owner != activitypub::id_of(doc)) {
    throw FetchError("key " + key_id + " does not belong to " + activitypub::id_of(doc));
  }
  auto owner_url = net::parse_url(key.owner);
  auto key_url = net::parse_url(key_id);
  if (!owner_url || !key_url || owner_url->host != key_url->host) {
    throw FetchError("key " + key_id + " has an owner on another host");
  }
  {
    std::lock_guard lock(keys_mutex_);
    if (keys_.size() >= kMaxCachedKeys) keys_.clear();
    keys_[key_id] = {key, std::chrono::steady_clock::now()};
  }
  co_return key;
}

}  // namespace lox::federation
