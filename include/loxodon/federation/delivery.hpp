#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace lox::db {
class Database;
}

namespace lox::federation {

inline constexpr const char* kDeliverKind = "activitypub.deliver";

// host[:port] of an inbox in lower case, the unit of delivery health and concurrency; empty when
// `inbox` is not an http(s) URL.
std::string delivery_host(std::string_view inbox);

// Queues `activity` for `inbox` in the caller's transaction, to be signed by the local account
// `signer` when it is sent (keys are read at send time, never stored in the job).
void enqueue_delivery(db::Tx& tx, const std::string& inbox, const nlohmann::json& activity,
                      std::int64_t signer);

// Sends one queued delivery: a POST signed as Mastodon signs them (draft-cavage over
// (request-target) host date digest content-type). Jobs of one host:port share a concurrency
// key, so at most two run at once. 2xx is done and clears the host's failure record; 4xx other
// than 401/408/429, and 501, cannot succeed later and are dropped; anything else is retried on
// the job backoff and counts a failure day for the host. Hosts marked unavailable get no
// deliveries but Follow.
class DeliveryWorker {
 public:
  // Signing runs on `blocking`, never on the jobs' io thread.
  DeliveryWorker(const config::Config& config, db::Database& db, net::HttpClient& client,
                 asio::thread_pool& blocking);
  awaitable<void> run(nlohmann::json payload);

 private:
  const config::Config& config_;
  db::Database& db_;
  net::HttpClient& client_;
  asio::thread_pool& blocking_;
  std::shared_ptr<spdlog::logger> log_;
};

}  // namespace lox::federation
