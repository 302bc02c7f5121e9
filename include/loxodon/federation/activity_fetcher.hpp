#pragma once

#include <loxodon/activitypub/signature_key.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

namespace lox::federation {

// A remote document could not be had: unreachable, refused, not ActivityPub, not what it
// claimed to be. `gone` when the server said 404 or 410.
class FetchError : public std::runtime_error {
 public:
  FetchError(const std::string& what, bool gone = false) : std::runtime_error(what), gone_(gone) {}
  bool gone() const { return gone_; }

 private:
  bool gone_;
};

// A remote actor's public key, as its actor document publishes it.
struct RemoteKey {
  std::string key_id;
  std::string owner;  // the actor id the key belongs to
  std::string public_key_pem;
  // Parsed once when fetched: OpenSSL 3's PEM decoders cost far more than a verification.
  std::shared_ptr<const activitypub::VerificationKey> verifier;
};

// Fetches ActivityPub documents the way Mastodon does: GET signed by the instance actor
// (draft-cavage over (request-target) host date accept), Accept activity+json, answers typed
// application/activity+json or ld+json with the ActivityStreams profile only, a size cap.
// Public keys are cached per process for an hour; a caller whose signature check failed asks
// again with `refresh` (the key may have been rotated).
class ActivityFetcher {
 public:
  // `instance_key_pem` is read at each fetch: it is filled once the database answers.
  // RSA signing is CPU work: it runs on `signing` (serve gives it a pool of its own), never on
  // an io thread.
  ActivityFetcher(const config::Config& config, net::HttpClient& client,
                  const std::string& instance_key_pem, asio::thread_pool& signing);

  awaitable<nlohmann::json> fetch(std::string url);
  awaitable<RemoteKey> public_key(std::string key_id, bool refresh = false);
  // A key already known (no network): for answering without fetching.
  std::optional<RemoteKey> cached_key(const std::string& key_id) const;
  // Whether a key whose signature just failed may be fetched again (it may have been rotated):
  // once a minute per key and ten times a minute per host, so forged signatures cannot make
  // this server fetch without end. Counts the refetch when it answers true.
  bool may_refetch(const std::string& key_id);

 private:
  const config::Config& config_;
  net::HttpClient& client_;
  const std::string& instance_key_pem_;
  asio::thread_pool& signing_;
  // The instance actor's key, parsed once (and again should the PEM change).
  std::mutex signing_mutex_;
  std::string signing_pem_;
  std::shared_ptr<const activitypub::SigningKey> signing_key_;
  std::shared_ptr<const activitypub::SigningKey> instance_signing_key();
  struct CachedKey {
    RemoteKey key;
    std::chrono::steady_clock::time_point fetched;
  };
  mutable std::mutex keys_mutex_;  // inbox handlers and job workers run on different threads
  std::map<std::string, CachedKey> keys_;
  std::map<std::string, std::size_t> keys_per_host_;
  void remember(const RemoteKey& key);  // with keys_mutex_ held
  std::map<std::string, std::chrono::steady_clock::time_point> refetched_keys_;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> refetches_by_host_;
};

}  // namespace lox::federation
