#pragma once

#include <loxodon/domain/account.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>
#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// A local account as other servers see it: the account and its public key.
struct LocalActor {
  domain::Account account;
  std::string public_key_pem;
};

// Looks up the local actors that WebFinger and actor documents describe.
class ActorService {
 public:
  ActorService(const config::Config& config, db::Database& db, StatusReader& statuses,
               TimelineService& timelines);

  // The local account with this username (any case); nothing when there is none.
  awaitable<std::optional<LocalActor>> local(std::string username);
  // A status of `username` that anyone may read (public or unlisted), as served at its id.
  awaitable<std::optional<domain::StatusView>> public_status(std::string username, std::int64_t id);
  // The newest public and unlisted statuses of an account (its outbox page), boosts included.
  awaitable<StatusPage> outbox_page(std::int64_t account_id, std::int64_t max_id);
  // Pinned statuses anyone may read (its `featured` collection), newest pin first.
  awaitable<StatusPage> featured(std::int64_t account_id);
  // The hashtags it features on its profile (its `featuredTags` collection).
  awaitable<std::vector<std::string>> featured_tags(std::int64_t account_id);
  // What each status of a page stands for, in Mastodon's shapes: a Create(Note) with its
  // inReplyTo, mentions (actor ids), attachments and poll, or an Announce for a boost (nothing
  // for a boost whose original has no id). As served at a status's id, in the outbox and (the
  // Notes) in `featured`.
  awaitable<std::vector<nlohmann::json>> activities(const domain::Account& author,
                                                    const StatusPage& page);
  // One page of an account's followers (or the accounts it follows) as ActivityPub ids, with
  // the cursor of each for the next page.
  awaitable<std::vector<std::pair<std::int64_t, std::string>>> relation_page(
      std::int64_t account_id, bool followers, std::int64_t max_cursor);

 private:
  const config::Config& config_;
  db::Database& db_;
  StatusReader& statuses_;
  TimelineService& timelines_;
};

}  // namespace lox::services
