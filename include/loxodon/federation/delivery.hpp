#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::federation {

inline constexpr const char* kDeliverKind = "activitypub.deliver";

// Queues `activity` for `inbox` in the caller's transaction, to be signed by the local account
// `signer` when it is sent (keys are read at send time, never stored in the job).
void enqueue_delivery(db::Tx& tx, const std::string& inbox, const nlohmann::json& activity,
                      std::int64_t signer);

// Sends one queued delivery: a POST signed as Mastodon signs them (draft-cavage over
// (request-target) host date digest content-type). 2xx is done; 4xx other than 429 cannot
// succeed later and is dropped; 429, 5xx and network failures are retried on the job backoff.
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
};

}  // namespace lox::federation
