#include <loxodon/db/database.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/services/inbox_service.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/json_limits.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

using nlohmann::json;

namespace {

Error unauthorized(const std::string& why) { return Error(ErrorCode::kUnauthorized, why); }

std::string host_of(const std::string& url) {
  auto parsed = net::parse_url(url);
  return parsed ? parsed->authority() : "";
}

std::shared_ptr<spdlog::logger> log() {
  auto l = spdlog::get("lox.federation");
  return l ? l : spdlog::default_logger();
}

}  // namespace

InboxService::InboxService(const config::Config& config, db::Database& db,
                           federation::ActivityFetcher& fetcher)
    : config_(config), db_(db), fetcher_(fetcher) {}

awaitable<void> InboxService::receive(activitypub::SignedRequest request,
                                      std::optional<std::string> recipient) {
  json activity = parse_json_limited(request.body);
  if (!activity.is_object() || !activity.contains("type")) {
    throw Error(ErrorCode::kBadRequest, "Not an ActivityPub activity");
  }
  const std::string actor = federation::id_of(activity.value("actor", json()));
  if (actor.empty()) throw Error(ErrorCode::kBadRequest, "The activity has no actor");

  auto signature = activitypub::find_signature(request);  // malformed: SignatureError
  if (!signature) throw unauthorized("Request not signed");

  // An account announcing its own deletion, unknown here: nothing to undo, and its key is
  // probably gone with it. Mastodon answers without fetching anything; so do we.
  bool self_delete =
      activity["type"] == "Delete" && federation::id_of(activity.value("object", json())) == actor;
  if (self_delete && !fetcher_.cached_key(signature->key_id)) co_return;

  federation::RemoteKey key;
  try {
    key = co_await fetcher_.public_key(signature->key_id);
  } catch (const federation::FetchError& e) {
    throw unauthorized("Could not fetch the signing key " + signature->key_id + ": " + e.what());
  }
  // Empty when the signature holds; otherwise why not.
  auto check = [&](const federation::RemoteKey& k) -> std::optional<std::string> {
    try {
      activitypub::verify_request(*signature, request,
                                  activitypub::VerificationKey::from_pem(k.public_key_pem),
                                  std::chrono::system_clock::now());
      return std::nullopt;
    } catch (const activitypub::SignatureError& e) {
      return std::string(e.what());
    }
  };
  auto failure = check(key);
  if (failure && *failure == "Verification failed") {
    // The key may have been rotated since it was cached: fetch it once more.
    std::optional<federation::RemoteKey> fresh;
    try {
      fresh = co_await fetcher_.public_key(signature->key_id, true);
    } catch (const federation::FetchError&) {
    }
    if (fresh) {
      key = *fresh;
      failure = check(key);
    }
  }
  if (failure) throw unauthorized(*failure);
  if (key.owner != actor) {
    throw unauthorized("The signature's key belongs to " + key.owner + ", not to the actor " +
                       actor);
  }
  // Objects carried inline must come from the actor's own server (others are fetched from
  // where they live when needed).
  const json& object = activity.value("object", json());
  if (object.is_object() && object.contains("id") && activity["type"] != "Announce") {
    std::string object_id = federation::id_of(object);
    if (host_of(object_id) != host_of(actor)) {
      throw unauthorized("The object " + object_id + " is not on the actor's host");
    }
  }

  jobs::NewJob job;
  job.queue = "inbox";
  job.kind = kProcessKind;
  job.payload = {{"activity", activity},
                 {"recipient", recipient ? json(*recipient) : json(nullptr)}};
  // The same activity delivered twice (shared and personal inboxes, retries) is handled once.
  if (activity.contains("id") && activity["id"].is_string()) {
    job.dedupe_key = "inbox:" + activity["id"].get<std::string>();
  }
  co_await db_.tx([&](db::Tx& tx) { jobs::enqueue(tx, job); });
}

awaitable<void> InboxService::run_process(json payload) {
  const json& activity = payload.at("activity");
  // Processing activities (follows, posts, interactions) is built on top of this; until then
  // the verified activity is recorded in the log and dropped.
  log()->info("inbox: verified {} {} from {}; not processed yet",
              activity.value("type", json("?")).dump(),
              federation::id_of(activity.value("id", json())),
              federation::id_of(activity.value("actor", json())));
  co_return;
}

}  // namespace lox::services
