#pragma once

#include <loxodon/db/list_repository.hpp>
#include <loxodon/federation/actor_resolver.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/statuses/status_reader.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::services {

struct SearchResults {
  std::vector<domain::Account> accounts;
  std::vector<std::string> hashtags;
  std::vector<domain::StatusView> statuses;
};

// Lists of followed accounts with their own timelines, and search (v2) over local accounts,
// hashtags and the statuses the viewer may see.
class ListService {
 public:
  // `resolver` finds remote accounts and `remote_statuses` remote statuses for search with
  // resolve=true.
  ListService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
              StatusReader& statuses, federation::ActorResolver& resolver,
              InboxService& remote_statuses);

  awaitable<std::vector<db::ListRow>> lists(std::int64_t me);
  awaitable<db::ListRow> get(std::int64_t me, std::int64_t id);
  awaitable<db::ListRow> create(std::int64_t me, std::string title, std::string replies_policy,
                                bool exclusive);
  awaitable<db::ListRow> update(std::int64_t me, std::int64_t id, std::optional<std::string> title,
                                std::optional<std::string> replies_policy,
                                std::optional<bool> exclusive);
  awaitable<void> remove(std::int64_t me, std::int64_t id);
  awaitable<std::vector<domain::Account>> members(std::int64_t me, std::int64_t id,
                                                  db::PageQuery page);
  awaitable<void> add_members(std::int64_t me, std::int64_t id, std::vector<std::int64_t> accounts);
  awaitable<void> remove_members(std::int64_t me, std::int64_t id,
                                 std::vector<std::int64_t> accounts);
  awaitable<std::vector<db::ListRow>> containing(std::int64_t me, std::int64_t account_id);
  awaitable<StatusPage> timeline(std::int64_t me, std::int64_t id, db::PageQuery page);

  // `resolve` looks up URLs (of a status or a profile, here or on another server) and remote
  // handles, fetching what is not known yet.
  awaitable<SearchResults> search(std::string q, std::string type, std::int64_t viewer,
                                  bool following, std::int64_t account_id, int limit, int offset,
                                  bool resolve);

 private:
  awaitable<SearchResults> resolve_url(const std::string& url, std::int64_t viewer);
  awaitable<SearchResults> resolve_remote_url(const std::string& url, std::int64_t viewer);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  StatusReader& statuses_;
  federation::ActorResolver& resolver_;
  InboxService& remote_statuses_;
};

}  // namespace lox::services
