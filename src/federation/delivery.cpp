#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::federation {

using nlohmann::json;

void enqueue_delivery(db::Tx& tx, const std::string& inbox, const json& activity,
                      std::int64_t signer) {
  jobs::NewJob job;
  job.queue = "deliver";
  job.kind = kDeliverKind;
  job.payload = {{"inbox", inbox}, {"activity", activity}, {"signer", signer}};
  jobs::enqueue(tx, job);
}

DeliveryWorker::DeliveryWorker(const config::Config& config, db::Database& db,
                               net::HttpClient& client, asio::thread_pool& blocking)
    : config_(config), db_(db), client_(client), blocking_(blocking) {}

awaitable<void> DeliveryWorker::run(json payload) {
  const std::string inbox = payload.at("inbox").get<std::string>();
  const std::int64_t signer = payload.at("signer").get<std::int64_t>();
  auto key =
      co_await db_.read([&](db::Tx& tx) { return db::AccountRepository::signing_key(tx, signer); });
  if (!key) throw jobs::PermanentError("the signing account is gone");
  auto url = net::parse_url(inbox);
  if (!url) throw jobs::PermanentError("not an inbox URL: " + inbox);

  net::HttpClientRequest request;
  request.method = "POST";
  request.url = inbox;
  request.body = payload.at("activity").dump();
  request.headers = {{"Content-Type", "application/activity+json"},
                     {"Date", format_http_date(std::chrono::system_clock::now())},
                     {"Digest", activitypub::digest_header(request.body)}};
  activitypub::SignedRequest to_sign;
  to_sign.method = "POST";
  to_sign.target = url->target;
  to_sign.headers = request.headers;
  to_sign.headers.emplace_back("Host", url->authority());
  std::string key_id = config_.actor_url(key->first) + "#main-key";
  auto sign = [&] {
    return activitypub::sign_cavage(to_sign,
                                    {"(request-target)", "host", "date", "digest", "content-type"},
                                    activitypub::SigningKey::from_pem(key->second), key_id);
  };
  std::string signature = co_await run_blocking(blocking_, sign);
  request.headers.emplace_back("Signature", std::move(signature));
  net::HttpClientResponse response;
  try {
    response = co_await client_.send(request);
  } catch (const net::HttpClientError& e) {
    throw jobs::RetryableError(inbox + ": " + e.what());
  }
  if (response.status >= 200 && response.status < 300) co_return;
  if (response.status >= 400 && response.status < 500 && response.status != 429) {
    throw jobs::PermanentError(inbox + " refused the delivery with " +
                               std::to_string(response.status));
  }
  throw jobs::RetryableError(inbox + " answered " + std::to_string(response.status));
}

}  // namespace lox::federation
