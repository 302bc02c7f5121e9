#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/list_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/search/search_service.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <charconv>
#include <optional>
#include <utility>

namespace lox::services {

SearchService::SearchService(const config::Config& config, db::Database& db, StatusReader& statuses,
                             federation::ActorResolver& resolver, InboxService& remote_statuses)
    : config_(config),
      db_(db),
      statuses_(statuses),
      resolver_(resolver),
      remote_statuses_(remote_statuses) {}

awaitable<SearchResults> SearchService::search(SearchQuery query) {
  // As Mastodon: resolving and paging are for signed-in users only.
  if (query.viewer == 0 && (query.resolve || query.offset > 0)) {
    throw Error(ErrorCode::kUnauthorized,
                "Search queries that resolve remote resources or page require a signed-in user");
  }
  SearchResults out;
  std::string q = std::move(query.q);
  while (!q.empty() && q.front() == ' ') q.erase(0, 1);
  while (!q.empty() && q.back() == ' ') q.pop_back();
  if (q.empty() || !valid_utf8(q)) co_return out;
  if (q.starts_with("https://") || q.starts_with("http://")) {
    // A URL is looked up, not searched for as text, and only when asked to resolve.
    if (query.resolve && query.offset == 0) co_return co_await resolve_url(q, query.viewer);
    co_return out;
  }
  const std::string& type = query.type;
  std::string account_q = domain::lowercase(q.front() == '@' ? q.substr(1) : q);
  bool remote_handle = false;
  std::string remote_domain;
  if (auto at = account_q.find('@'); at != std::string::npos) {
    // user@domain: this server's own domain means a local account; any other is remote.
    remote_domain = account_q.substr(at + 1);
    remote_handle = remote_domain != domain::lowercase(config_.domain);
    account_q = account_q.substr(0, at);
  }
  if (remote_handle && (type.empty() || type == "accounts") && query.offset == 0 &&
      !account_q.empty() && !remote_domain.empty()) {
    if (auto found = co_await remote_account(account_q, remote_domain, query.resolve)) {
      out.accounts.push_back(*found);
    }
  }
  std::string tag_q = domain::lowercase(q.front() == '#' ? q.substr(1) : q);
  std::vector<std::int64_t> status_ids;
  co_await db_.read([&](db::Tx& tx) {
    if ((type.empty() || type == "accounts") && !remote_handle && !account_q.empty()) {
      for (auto id : db::ListRepository::search_accounts(
               tx, account_q, query.viewer, query.following, query.limit, query.offset)) {
        if (auto a = db::AccountRepository::find(tx, id)) out.accounts.push_back(*a);
      }
    }
    if ((type.empty() || type == "hashtags") && !tag_q.empty()) {
      out.hashtags = db::ListRepository::search_tags(tx, tag_q, query.limit, query.offset);
    }
    // Statuses only for signed-in viewers, as Mastodon does.
    if ((type.empty() || type == "statuses") && query.viewer != 0) {
      status_ids = db::ListRepository::search_statuses(tx, q, query.viewer, query.account_id,
                                                       query.limit, query.offset);
    }
  });
  if (!status_ids.empty()) out.statuses = co_await statuses_.many(status_ids, query.viewer);
  co_return out;
}

// A remote handle: the stored account, fetched (again, when stale) when asked to resolve.
awaitable<std::optional<domain::Account>> SearchService::remote_account(const std::string& username,
                                                                        const std::string& host,
                                                                        bool resolve) {
  std::optional<domain::Account> found;
  if (resolve) {
    try {
      found = co_await resolver_.resolve_handle(username, host);
    } catch (const federation::FetchError&) {
      // Unreachable or inconsistent: searched like anything else, so nothing found.
    }
  } else {
    found = co_await db_.read(
        [&](db::Tx& tx) { return db::AccountRepository::find_by_acct(tx, username, host); });
  }
  if (found && found->suspended_at) co_return std::nullopt;
  co_return found;
}

// Another server's URL: a status (by id or page URL) or else an actor, as Mastodon's
// FetchResourceService tries them.
awaitable<SearchResults> SearchService::resolve_remote_url(const std::string& url,
                                                           std::int64_t viewer) {
  SearchResults out;
  if (auto id = co_await remote_statuses_.resolve_status(url)) {
    std::vector<std::int64_t> ids{*id};
    for (auto& v : co_await statuses_.many(ids, viewer)) out.statuses.push_back(v);
    co_return out;
  }
  std::optional<domain::Account> account;
  try {
    account = co_await resolver_.resolve_uri(url);
  } catch (const federation::FetchError&) {
    // Unreachable or not an actor: nothing found, as for any other miss.
  }
  if (account && !account->suspended_at) out.accounts.push_back(*account);
  co_return out;
}

awaitable<SearchResults> SearchService::resolve_url(const std::string& url, std::int64_t viewer) {
  SearchResults out;
  const std::string base = config_.base_url() + "/";
  if (!url.starts_with(base)) co_return co_await resolve_remote_url(url, viewer);
  std::string path = url.substr(base.size());
  if (auto cut = path.find_first_of("?#"); cut != std::string::npos) path.resize(cut);
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= path.size();) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  // /@alice, /@alice/123, /users/alice, /users/alice/statuses/123: the forms our own URLs take.
  std::string username;
  std::optional<std::string> status_part;
  if (!parts.empty() && parts[0].size() > 1 && parts[0][0] == '@' && parts.size() <= 2) {
    username = parts[0].substr(1);
    if (parts.size() == 2) status_part = parts[1];
  } else if (parts.size() >= 2 && parts[0] == "users" &&
             (parts.size() == 2 || (parts.size() == 4 && parts[2] == "statuses"))) {
    username = parts[1];
    if (parts.size() == 4) status_part = parts[3];
  } else {
    co_return out;
  }
  auto account = co_await db_.read(
      [&](db::Tx& tx) { return db::AccountRepository::find_by_acct(tx, username, std::nullopt); });
  if (!account || account->suspended_at) co_return out;
  if (!status_part) {
    out.accounts.push_back(*account);
    co_return out;
  }
  std::int64_t id = 0;
  auto [ptr, ec] =
      std::from_chars(status_part->data(), status_part->data() + status_part->size(), id);
  if (ec != std::errc{} || ptr != status_part->data() + status_part->size()) co_return out;
  std::vector<std::int64_t> ids{id};
  for (auto& v : co_await statuses_.many(ids, viewer)) {
    if (v.status.account_id == account->id && !v.status.reblog_of_id) out.statuses.push_back(v);
  }
  co_return out;
}

}  // namespace lox::services
