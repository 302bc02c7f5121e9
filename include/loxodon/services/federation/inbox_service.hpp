#pragma once

#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/federation/activity_fetcher.hpp>
#include <loxodon/federation/actor_resolver.hpp>
#include <loxodon/federation/single_flight.hpp>
#include <loxodon/services/federation/inbox_job.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/at_most_every.hpp>
#include <loxodon/util/snowflake.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

class RelationshipService;
class ReportService;

// The receiving end of federation: an activity POSTed to an inbox is accepted only once its
// signature holds (Mastodon's rules, the key fetched from the signer's actor and fetched again
// once if it fails, for rotated keys), its actor is the key's owner and the objects it carries
// live on the actor's host; it is then queued for processing in a durable job.
class InboxService {
 public:
  InboxService(const config::Config& config, db::Database& db, federation::ActivityFetcher& fetcher,
               federation::ActorResolver& resolver, RelationshipService& relationships,
               ReportService& reports, SnowflakeGenerator& ids);

  // Throws lox::Error: 400 for a body that is not an activity, 401 when the signature or the
  // actor does not hold (the reason in the message). Returns normally when queued or ignored.
  awaitable<void> receive(activitypub::SignedRequest request, std::optional<std::string> recipient);

  // Job handler (kInboxJob).
  awaitable<void> run_process(InboxPayload payload);
  // A remote status by its id or page URL (search with resolve=true): the stored one, or
  // fetched and stored now. Nothing when it is not a status or cannot be fetched.
  awaitable<std::optional<std::int64_t>> resolve_status(std::string url);

 private:
  awaitable<void> on_follow(const nlohmann::json& activity);
  awaitable<void> on_accept_or_reject(const nlohmann::json& activity, bool accepted);
  awaitable<void> on_undo(const nlohmann::json& activity);
  awaitable<void> on_create(const nlohmann::json& activity);
  awaitable<void> on_like(const nlohmann::json& activity, bool undo);
  awaitable<void> on_announce(const nlohmann::json& activity);
  awaitable<void> on_update(const nlohmann::json& activity);
  awaitable<void> on_update_actor(const nlohmann::json& activity);
  awaitable<void> on_vote(const nlohmann::json& activity);
  awaitable<void> on_delete_actor(const nlohmann::json& activity);
  awaitable<void> on_move(const nlohmann::json& activity);
  awaitable<void> on_flag(const nlohmann::json& activity);
  awaitable<void> on_block(const nlohmann::json& activity, bool undo);
  awaitable<void> on_delete(const nlohmann::json& activity);
  // The local id of the status at `uri`, fetching it (and the chain it replies to, up to
  // kMaxReplyChainDepth) when it is not known yet; one fetch per URI at a time.
  awaitable<std::optional<std::int64_t>> known_or_fetched_status(std::string uri, int depth);
  awaitable<void> store_note(const activitypub::RemoteNote& note, const domain::Account& author,
                             int depth, bool fan_out);
  static constexpr int kMaxReplyChainDepth = 5;
  static std::int64_t poll_seconds_left(const activitypub::RemotePoll& poll);
  static void set_poll_counts(db::Tx& tx, std::int64_t status_id,
                              const activitypub::RemotePoll& poll);
  // Deletes the status (or boost) with ActivityPub id `object` if `actor` wrote it.
  awaitable<void> remove_authored(std::string actor, std::string object);
  // The remote account of an actor id: stored, or fetched and stored when unknown (a failed
  // fetch is a retryable job error); nothing for local or suspended accounts.
  awaitable<std::optional<domain::Account>> remote_actor(std::string actor,
                                                         bool fetch_if_unknown = true);
  // The local account an id of ours names (/users/<name>, possibly with a fragment).
  std::optional<std::string> local_username(const std::string& id) const;

  const config::Config& config_;
  db::Database& db_;
  federation::ActivityFetcher& fetcher_;
  federation::ActorResolver& resolver_;
  RelationshipService& relationships_;
  ReportService& reports_;
  SnowflakeGenerator& ids_;
  federation::SingleFlight status_fetches_;
  // A signed request from a host forgets its delivery failures; within ten seconds of doing so,
  // requests from it only queue their activity (one statement, no transaction).
  AtMostEvery host_clears_{std::chrono::seconds(10)};
};

}  // namespace lox::services
