#include "inbox_support.hpp"

#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/moderation/report_service.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/json_limits.hpp>

namespace lox::services {

using inbox::host_of;
using inbox::unauthorized;
using nlohmann::json;

namespace {

// Why the signature does not hold with `key`; nothing when it does.
std::optional<std::string> signature_failure(const activitypub::RequestSignature& signature,
                                             const activitypub::SignedRequest& request,
                                             const federation::RemoteKey& key) {
  try {
    activitypub::verify_request(
        signature, request,
        key.verifier ? *key.verifier : activitypub::VerificationKey::from_pem(key.public_key_pem),
        std::chrono::system_clock::now());
    return std::nullopt;
  } catch (const activitypub::SignatureError& e) {
    return std::string(e.what());
  }
}

// The signer's key once the signature holds with it; 401 otherwise.
awaitable<federation::RemoteKey> verified_key(federation::ActivityFetcher& fetcher,
                                              const activitypub::RequestSignature& signature,
                                              const activitypub::SignedRequest& request) {
  federation::RemoteKey key;
  try {
    key = co_await fetcher.public_key(signature.key_id);
  } catch (const federation::FetchError& e) {
    throw unauthorized("Could not fetch the signing key " + signature.key_id + ": " + e.what());
  }
  auto failure = signature_failure(signature, request, key);
  if (failure && *failure == "Verification failed" && fetcher.may_refetch(signature.key_id)) {
    // The key may have been rotated since it was cached: fetch it once more (rate-limited).
    std::optional<federation::RemoteKey> fresh;
    try {
      fresh = co_await fetcher.public_key(signature.key_id, true);
    } catch (const federation::FetchError&) {
    }
    if (fresh) {
      key = *fresh;
      failure = signature_failure(signature, request, key);
    }
  }
  if (failure) throw unauthorized(*failure);
  co_return key;
}

// An activity's own id is on its actor's server (host and port), or it could claim, dedupe
// away or shadow another server's activity or post: a boost stored under someone else's id
// would stand in for their post everywhere we look it up by id.
void check_origins(const json& activity, const std::string& actor) {
  if (activity.contains("id")) {
    const json& id = activity["id"];
    if (!id.is_string() || host_of(id.get<std::string>()) != host_of(actor)) {
      throw unauthorized("The activity id " + (id.is_string() ? id.get<std::string>() : "") +
                         " is not on the actor's host");
    }
  }
  // What an actor creates or changes must live on its own server (others are fetched from
  // where they live when needed). Accept, Reject and Undo embed our own objects, and an
  // Announce someone else's: those are not checked here.
  const json& object = activity.value("object", json());
  const json type = activity["type"];
  if (object.is_object() && object.contains("id") && (type == "Create" || type == "Update")) {
    std::string object_id = activitypub::id_of(object);
    if (host_of(object_id) != host_of(actor)) {
      throw unauthorized("The object " + object_id + " is not on the actor's host");
    }
  }
}

}  // namespace

InboxService::InboxService(const config::Config& config, db::Database& db,
                           federation::ActivityFetcher& fetcher,
                           federation::ActorResolver& resolver, RelationshipService& relationships,
                           ReportService& reports, SnowflakeGenerator& ids)
    : config_(config),
      db_(db),
      fetcher_(fetcher),
      resolver_(resolver),
      relationships_(relationships),
      reports_(reports),
      ids_(ids) {}

awaitable<void> InboxService::receive(activitypub::SignedRequest request,
                                      std::optional<std::string> recipient) {
  json activity = parse_json_limited(request.body);
  if (!activity.is_object() || !activity.contains("type")) {
    throw Error(ErrorCode::kBadRequest, "Not an ActivityPub activity");
  }
  const std::string actor = activitypub::id_of(activity.value("actor", json()));
  if (actor.empty()) throw Error(ErrorCode::kBadRequest, "The activity has no actor");

  auto signature = activitypub::find_signature(request);  // malformed: SignatureError
  if (!signature) throw unauthorized("Request not signed");

  // An account announcing its own deletion, unknown here: nothing to undo, and its key is
  // probably gone with it. Mastodon answers without fetching anything; so do we.
  bool self_delete =
      activity["type"] == "Delete" && activitypub::id_of(activity.value("object", json())) == actor;
  if (self_delete && !fetcher_.cached_key(signature->key_id)) co_return;

  federation::RemoteKey key = co_await verified_key(fetcher_, *signature, request);
  if (key.owner != actor) {
    throw unauthorized("The signature's key belongs to " + key.owner + ", not to the actor " +
                       actor);
  }
  check_origins(activity, actor);

  jobs::JobOptions options;
  // The same activity delivered twice (shared and personal inboxes, retries) is handled once;
  // its id is on its actor's host (checked above), so no other server can take the key.
  if (activity.contains("id") && activity["id"].is_string()) {
    options.dedupe_key = "inbox:" + activity["id"].get<std::string>();
  }
  // A validly signed request shows the actor's server is up: it may receive deliveries again.
  const std::string host = federation::delivery_host(actor);
  const bool clear_host = host_clears_.due(host);
  auto queue = [&](db::Tx& tx) {
    jobs::enqueue(tx, kInboxJob, InboxPayload{activity, recipient}, options);
    if (clear_host) db::DeliveryHostRepository::clear(tx, host);
  };
  try {
    // Without the clear, the enqueue is one statement: no transaction needed.
    if (clear_host) {
      co_await db_.tx(queue);
    } else {
      co_await db_.read(queue);
    }
  } catch (...) {
    if (clear_host) host_clears_.forget(host);  // not cleared: the next request tries again
    throw;
  }
}

std::optional<std::string> InboxService::local_username(const std::string& id) const {
  const std::string prefix = config_.base_url() + "/users/";
  if (!id.starts_with(prefix)) return std::nullopt;
  std::string rest = id.substr(prefix.size());
  std::string name = rest.substr(0, rest.find_first_of("/#?"));
  if (name.empty()) return std::nullopt;
  return name;
}

awaitable<std::optional<domain::Account>> InboxService::remote_actor(std::string actor,
                                                                     bool fetch_if_unknown) {
  auto account =
      co_await db_.read([&](db::Tx& tx) { return db::AccountRepository::find_by_uri(tx, actor); });
  if (!account && fetch_if_unknown) {
    try {
      account = co_await resolver_.resolve_uri(actor);
    } catch (const federation::FetchError& e) {
      // The other server may be down for a while: the job backs off and tries again.
      throw jobs::RetryableError("cannot resolve " + actor + ": " + e.what());
    }
  }
  if (!account || !account->domain || account->suspended_at) co_return std::nullopt;
  co_return account;
}

}  // namespace lox::services
