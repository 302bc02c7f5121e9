#pragma once

#include <loxodon/activitypub/signature_key.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/federation/delivery_job.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/metrics.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace spdlog {
class logger;
}

namespace lox::db {
class Database;
}

namespace lox::federation {

// host[:port] of an inbox in lower case, the unit of delivery health and concurrency; empty when
// `inbox` is not an http(s) URL.
std::string delivery_host(std::string_view inbox);

// Sends one queued delivery: a POST signed as Mastodon signs them (draft-cavage over
// (request-target) host date digest content-type). Jobs of one host:port share a concurrency
// key, so at most two run at once. 2xx is done and clears the host's failure record; 4xx other
// than 401/408/429, and 501, cannot succeed later and are dropped; anything else is retried on
// the job backoff and counts a failure day for the host. Hosts marked unavailable get no
// deliveries but Follow.
class DeliveryWorker {
 public:
  // Signing runs on `signing` (serve gives it a pool of its own), never on the jobs' io thread.
  // `metrics` counts deliveries by result (null: not counted).
  DeliveryWorker(const config::Config& config, db::Database& db, net::HttpClient& client,
                 asio::thread_pool& signing, Metrics* metrics = nullptr);
  awaitable<void> run(DeliveryPayload payload);

 private:
  // One attempt; throws what fails the job (jobs::PermanentError, jobs::RetryableError).
  awaitable<DeliveryResult> attempt(DeliveryPayload payload);

  const config::Config& config_;
  db::Database& db_;
  net::HttpClient& client_;
  asio::thread_pool& signing_;
  Metrics* metrics_;
  std::shared_ptr<spdlog::logger> log_;

  // Signing keys parsed once per account for a while: OpenSSL 3 spends more decoding a PEM key
  // than signing with it, and one post means a delivery per follower server.
  struct Signer {
    std::string username;
    std::shared_ptr<const activitypub::SigningKey> key;
    std::chrono::steady_clock::time_point loaded;
  };
  static constexpr std::chrono::minutes kSignerLifetime{5};
  static constexpr std::size_t kMaxSigners = 4096;
  std::mutex signers_mutex_;  // jobs may run on several threads
  std::unordered_map<std::int64_t, std::shared_ptr<const Signer>> signers_;
  std::shared_ptr<const Signer> cached_signer(std::int64_t account);
  std::shared_ptr<const Signer> remember_signer(std::int64_t account, std::string username,
                                                const std::string& pem);

  // Each host's health, read at most every few seconds: most hosts never fail, and a database
  // read per delivery would cost more than the delivery. A host marked unavailable by another
  // process is seen here that much later.
  struct HostState {
    bool has_failures = false;
    bool unavailable = false;
    std::chrono::steady_clock::time_point loaded;
  };
  static constexpr std::chrono::seconds kHostStateLifetime{10};
  static constexpr std::size_t kMaxHosts = 16384;
  std::mutex hosts_mutex_;
  std::unordered_map<std::string, HostState> hosts_;
  std::optional<HostState> cached_health(const std::string& host);
  HostState remember_health(const std::string& host,
                            const std::optional<db::DeliveryHostHealth>& stored);
  void forget_health(const std::string& host);
};

}  // namespace lox::federation
