#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/federation/activity_fetcher.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::federation {

// Finds remote people: a handle through WebFinger (RFC 7033) to the actor it names, an actor
// id directly. The actor document is checked as Mastodon checks it (an actor type, an inbox, a
// preferredUsername that WebFinger on the actor's own host leads back to the same id), its
// text sanitised, and the account stored; a stored account is refetched after a day.
class ActorResolver {
 public:
  ActorResolver(const config::Config& config, db::Database& db, net::HttpClient& client,
                ActivityFetcher& fetcher, SnowflakeGenerator& ids);

  // "bob", "example.social" (a domain may carry a port). Nothing when there is no such
  // account; throws FetchError when the other server cannot be reached or lies.
  awaitable<std::optional<domain::Account>> resolve_handle(std::string username,
                                                           std::string domain);
  awaitable<std::optional<domain::Account>> resolve_uri(std::string actor_uri);
  // An Update(Person) signed by the actor itself: stored as sent when the handle is unchanged;
  // a new preferredUsername is checked through WebFinger first, as for a fetched actor.
  awaitable<void> apply_update(nlohmann::json actor);

 private:
  awaitable<std::optional<std::string>> webfinger(const std::string& username,
                                                  const std::string& domain);
  awaitable<domain::Account> store(const nlohmann::json& actor);

  const config::Config& config_;
  db::Database& db_;
  net::HttpClient& client_;
  ActivityFetcher& fetcher_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::federation
