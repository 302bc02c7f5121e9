#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/secret_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/time_format.hpp>

#include <spdlog/spdlog.h>

namespace lox::federation {

using nlohmann::json;

namespace {

// Mastodon's response_error_unsalvageable?: a 4xx other than 401 (a key race), 408 and 429, or
// a 501, will not succeed later and says nothing about the host's health.
bool unsalvageable(int status) {
  if (status == 501) return true;
  return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
}

// What the caches did not have: the signer's username and private key (none for the instance
// actor's username), and the host's stored health.
struct StoredState {
  std::optional<db::SigningKey> key;
  std::optional<db::DeliveryHostHealth> health;
};

awaitable<StoredState> read_stored(db::Database& db, std::int64_t signer, const std::string& host,
                                   bool need_key, bool need_health) {
  StoredState stored;
  co_await db.read([&](db::Tx& tx) {
    if (need_key && signer == kInstanceActorSigner) {
      if (auto pem = db::SecretRepository::get(tx, "instance_actor_private_key")) {
        stored.key = db::SigningKey{std::string(), *pem};
      }
    } else if (need_key) {
      stored.key = db::AccountRepository::signing_key(tx, signer);
    }
    if (need_health) stored.health = db::DeliveryHostRepository::find(tx, host);
  });
  co_return stored;
}

std::string key_id_of(const config::Config& config, std::int64_t signer,
                      const std::string& username) {
  return signer == kInstanceActorSigner ? config.base_url() + "/actor#main-key"
                                        : config.actor_url(username) + "#main-key";
}

// The POST as Mastodon signs it; signing runs on `signing`, never on the jobs' io thread.
awaitable<net::HttpClientRequest> signed_post(asio::thread_pool& signing, const std::string& inbox,
                                              const net::ParsedUrl& url, const json& activity,
                                              const activitypub::SigningKey& key,
                                              const std::string& key_id) {
  net::HttpClientRequest request;
  request.method = "POST";
  request.url = inbox;
  request.body = activity.dump();
  request.headers = {{"Content-Type", "application/activity+json"},
                     {"Date", format_http_date(std::chrono::system_clock::now())},
                     {"Digest", activitypub::digest_header(request.body)}};
  activitypub::SignedRequest to_sign;
  to_sign.method = "POST";
  to_sign.target = url.target;
  to_sign.headers = request.headers;
  to_sign.headers.emplace_back("Host", url.authority());
  auto sign = [&] {
    return activitypub::sign_cavage(
        to_sign, {"(request-target)", "host", "date", "digest", "content-type"}, key, key_id);
  };
  std::string signature = co_await run_blocking(signing, sign);
  request.headers.emplace_back("Signature", std::move(signature));
  co_return request;
}

}  // namespace

std::string delivery_host(std::string_view inbox) {
  auto url = net::parse_url(inbox);
  return url ? domain::lowercase(url->authority()) : std::string();
}

void enqueue_delivery(db::Tx& tx, const std::string& inbox, const json& activity,
                      std::int64_t signer) {
  jobs::JobOptions options;
  std::string host = delivery_host(inbox);
  if (!host.empty()) options.concurrency_key = "deliver:" + host;
  jobs::enqueue(tx, kDeliverJob, DeliveryPayload{inbox, activity, signer}, options);
}

DeliveryWorker::DeliveryWorker(const config::Config& config, db::Database& db,
                               net::HttpClient& client, asio::thread_pool& signing,
                               Metrics* metrics)
    : config_(config), db_(db), client_(client), signing_(signing), metrics_(metrics) {
  log_ = spdlog::get("lox.federation");
  if (!log_) log_ = spdlog::default_logger();
}

std::shared_ptr<const DeliveryWorker::Signer> DeliveryWorker::cached_signer(std::int64_t account) {
  std::lock_guard lock(signers_mutex_);
  auto it = signers_.find(account);
  if (it == signers_.end()) return nullptr;
  if (std::chrono::steady_clock::now() - it->second->loaded > kSignerLifetime) {
    signers_.erase(it);
    return nullptr;
  }
  return it->second;
}

std::shared_ptr<const DeliveryWorker::Signer> DeliveryWorker::remember_signer(
    std::int64_t account, std::string username, const std::string& pem) {
  auto signer = std::make_shared<Signer>();
  signer->username = std::move(username);
  signer->key = std::make_shared<activitypub::SigningKey>(activitypub::SigningKey::from_pem(pem));
  signer->loaded = std::chrono::steady_clock::now();
  std::lock_guard lock(signers_mutex_);
  if (signers_.size() >= kMaxSigners) signers_.clear();
  signers_[account] = signer;
  return signer;
}

std::optional<DeliveryWorker::HostState> DeliveryWorker::cached_health(const std::string& host) {
  std::lock_guard lock(hosts_mutex_);
  auto it = hosts_.find(host);
  if (it == hosts_.end()) return std::nullopt;
  if (std::chrono::steady_clock::now() - it->second.loaded > kHostStateLifetime) {
    hosts_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

DeliveryWorker::HostState DeliveryWorker::remember_health(
    const std::string& host, const std::optional<db::DeliveryHostHealth>& stored) {
  HostState state;
  state.has_failures = stored.has_value();
  state.unavailable = stored && stored->unavailable;
  state.loaded = std::chrono::steady_clock::now();
  std::lock_guard lock(hosts_mutex_);
  if (hosts_.size() >= kMaxHosts) hosts_.clear();
  hosts_[host] = state;
  return state;
}

void DeliveryWorker::forget_health(const std::string& host) {
  std::lock_guard lock(hosts_mutex_);
  hosts_.erase(host);
}

awaitable<void> DeliveryWorker::run(DeliveryPayload payload) {
  // Counted by how the attempt ended; a permanent error is a delivery dropped for good.
  auto record = [this](DeliveryResult result) {
    if (metrics_ != nullptr) metrics_->record_delivery(result);
  };
  try {
    DeliveryResult result = co_await attempt(std::move(payload));
    record(result);
  } catch (const jobs::PermanentError&) {
    record(DeliveryResult::kRejected);
    throw;
  } catch (...) {
    record(DeliveryResult::kFailed);
    throw;
  }
}

awaitable<DeliveryResult> DeliveryWorker::attempt(DeliveryPayload payload) {
  const std::string& inbox = payload.inbox;
  const std::int64_t signer = payload.signer;
  const json& activity = payload.activity;
  auto url = net::parse_url(inbox);
  if (!url) throw jobs::PermanentError("not an inbox URL: " + inbox);
  const std::string host = domain::lowercase(url->authority());

  auto key = cached_signer(signer);
  auto health = cached_health(host);
  if (!key || !health) {
    auto stored = co_await read_stored(db_, signer, host, !key, !health);
    if (!key) {
      if (!stored.key) throw jobs::PermanentError("the signing account is gone");
      key = remember_signer(signer, stored.key->username, stored.key->private_key_pem);
    }
    if (!health) health = remember_health(host, stored.health);
  }
  // A Follow still goes out, as with Mastodon: it is how a person reconnects with a server
  // that has come back.
  if (health->unavailable && activity.value("type", json()) != "Follow") {
    log_->debug("delivery to {} skipped: {} is marked unavailable", inbox, host);
    co_return DeliveryResult::kSkipped;
  }

  const std::string key_id = key_id_of(config_, signer, key->username);
  net::HttpClientRequest request =
      co_await signed_post(signing_, inbox, *url, activity, *key->key, key_id);

  std::string failure;
  try {
    auto response = co_await client_.send(request);
    if (response.status >= 200 && response.status < 300) {
      if (health->has_failures) {
        bool cleared = co_await db_.tx(
            [&](db::Tx& tx) { return db::DeliveryHostRepository::clear(tx, host); });
        remember_health(host, std::nullopt);
        if (cleared) log_->info("{} is reachable again; its delivery failures are forgotten", host);
      }
      co_return DeliveryResult::kDelivered;
    }
    if (unsalvageable(response.status)) {
      throw jobs::PermanentError(inbox + " refused the delivery with " +
                                 std::to_string(response.status));
    }
    failure = inbox + " answered " + std::to_string(response.status);
  } catch (const net::HttpClientError& e) {
    failure = inbox + ": " + e.what();
  }
  bool now_unavailable = co_await db_.tx(
      [&](db::Tx& tx) { return db::DeliveryHostRepository::record_failure(tx, host, failure); });
  forget_health(host);  // read again next time: the failure may have made it unavailable
  if (now_unavailable) {
    log_->warn(
        "{} failed on {} distinct days without a success: marked unavailable, deliveries "
        "to it are skipped until it answers again",
        host, db::DeliveryHostRepository::kUnavailableAfterDays);
  }
  throw jobs::RetryableError(failure);
}

}  // namespace lox::federation
