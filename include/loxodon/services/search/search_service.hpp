#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/status.hpp>
#include <loxodon/federation/actor_resolver.hpp>
#include <loxodon/services/federation/inbox_service.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// What search v2 was asked: the text, which kind of result (empty for all), who asks (0 when
// logged out), and paging.
struct SearchQuery {
  std::string q;
  std::string type;
  std::int64_t viewer = 0;
  bool following = false;       // accounts the viewer follows only
  std::int64_t account_id = 0;  // statuses by this account only (0: anyone's)
  int limit = 20;
  int offset = 0;
  // Look up URLs (of a status or a profile, here or on another server) and remote handles,
  // fetching what is not known yet.
  bool resolve = false;
};

struct SearchResults {
  std::vector<domain::Account> accounts;
  std::vector<std::string> hashtags;
  std::vector<domain::StatusView> statuses;
};

// Search (v2) over local accounts, hashtags and the statuses the viewer may see; with resolve,
// also accounts and statuses of other servers, by handle or URL.
class SearchService {
 public:
  // `resolver` finds remote accounts and `remote_statuses` remote statuses for resolve=true.
  SearchService(const config::Config& config, db::Database& db, StatusReader& statuses,
                federation::ActorResolver& resolver, InboxService& remote_statuses);

  awaitable<SearchResults> search(SearchQuery query);

 private:
  // A suspended account is not found.
  awaitable<std::optional<domain::Account>> remote_account(const std::string& username,
                                                           const std::string& host, bool resolve);
  awaitable<SearchResults> resolve_url(const std::string& url, std::int64_t viewer);
  awaitable<SearchResults> resolve_remote_url(const std::string& url, std::int64_t viewer);

  const config::Config& config_;
  db::Database& db_;
  StatusReader& statuses_;
  federation::ActorResolver& resolver_;
  InboxService& remote_statuses_;
};

}  // namespace lox::services
