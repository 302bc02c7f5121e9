#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/accounts/list_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <charconv>

namespace lox::services {

namespace {
void check_list(const std::string& title, const std::string& policy) {
  ValidationErrors errors;
  if (title.empty()) errors.add("title", "Title", "ERR_BLANK", "can't be blank");
  if (!valid_utf8(title) || utf8_length(title) > 100) {
    errors.add("title", "Title", "ERR_TOO_LONG", "is too long (maximum is 100 characters)");
  }
  if (policy != "followed" && policy != "list" && policy != "none") {
    errors.add("replies_policy", "Replies policy", "ERR_INCLUSION", "is not included in the list");
  }
  errors.throw_if_any();
}
Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }
}  // namespace

ListService::ListService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                         StatusReader& statuses, federation::ActorResolver& resolver,
                         InboxService& remote_statuses)
    : config_(config),
      db_(db),
      ids_(ids),
      statuses_(statuses),
      resolver_(resolver),
      remote_statuses_(remote_statuses) {}

awaitable<std::vector<db::ListRow>> ListService::lists(std::int64_t me) {
  co_return co_await db_.read([&](db::Tx& tx) { return db::ListRepository::all(tx, me); });
}

awaitable<db::ListRow> ListService::get(std::int64_t me, std::int64_t id) {
  auto list = co_await db_.read([&](db::Tx& tx) { return db::ListRepository::get(tx, me, id); });
  if (!list) throw not_found();
  co_return *list;
}

awaitable<db::ListRow> ListService::create(std::int64_t me, std::string title,
                                           std::string replies_policy, bool exclusive) {
  check_list(title, replies_policy);
  db::ListRow row{ids_.next(), title, replies_policy, exclusive};
  co_await db_.tx([&](db::Tx& tx) { db::ListRepository::create(tx, me, row); });
  co_return row;
}

awaitable<db::ListRow> ListService::update(std::int64_t me, std::int64_t id,
                                           std::optional<std::string> title,
                                           std::optional<std::string> replies_policy,
                                           std::optional<bool> exclusive) {
  auto row = co_await get(me, id);
  if (title) row.title = *title;
  if (replies_policy) row.replies_policy = *replies_policy;
  if (exclusive) row.exclusive = *exclusive;
  check_list(row.title, row.replies_policy);
  co_await db_.tx([&](db::Tx& tx) { db::ListRepository::update(tx, me, row); });
  co_return row;
}

awaitable<void> ListService::remove(std::int64_t me, std::int64_t id) {
  bool removed =
      co_await db_.tx([&](db::Tx& tx) { return db::ListRepository::remove(tx, me, id); });
  if (!removed) throw not_found();
}

awaitable<std::vector<domain::Account>> ListService::members(std::int64_t me, std::int64_t id,
                                                             db::PageQuery page) {
  co_await get(me, id);
  co_return co_await db_.read([&](db::Tx& tx) {
    std::vector<domain::Account> out;
    for (auto account_id : db::ListRepository::members(tx, me, id, page)) {
      if (auto a = db::AccountRepository::find(tx, account_id)) out.push_back(*a);
    }
    return out;
  });
}

awaitable<void> ListService::add_members(std::int64_t me, std::int64_t id,
                                         std::vector<std::int64_t> accounts) {
  co_await get(me, id);
  bool all_followed = co_await db_.tx([&](db::Tx& tx) {
    bool ok = true;
    for (auto a : accounts) ok = db::ListRepository::add_member(tx, me, id, a) && ok;
    return ok;
  });
  if (!all_followed) {
    // The transaction committed the followed ones; Mastodon refuses the whole request, so undo.
    co_await db_.tx([&](db::Tx& tx) {
      for (auto a : accounts) db::ListRepository::remove_member(tx, me, id, a);
    });
    throw Error(ErrorCode::kUnprocessable, "Validation failed: You must be following this account");
  }
}

awaitable<void> ListService::remove_members(std::int64_t me, std::int64_t id,
                                            std::vector<std::int64_t> accounts) {
  co_await get(me, id);
  co_await db_.tx([&](db::Tx& tx) {
    for (auto a : accounts) db::ListRepository::remove_member(tx, me, id, a);
  });
}

awaitable<std::vector<db::ListRow>> ListService::containing(std::int64_t me,
                                                            std::int64_t account_id) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::ListRepository::containing(tx, me, account_id); });
}

awaitable<StatusPage> ListService::timeline(std::int64_t me, std::int64_t id, db::PageQuery page) {
  co_await get(me, id);
  auto ids =
      co_await db_.read([&](db::Tx& tx) { return db::ListRepository::timeline(tx, me, id, page); });
  co_return co_await statuses_.render(ids, me, domain::FilterContext::kHome);
}

awaitable<SearchResults> ListService::search(std::string q, std::string type, std::int64_t viewer,
                                             bool following, std::int64_t account_id, int limit,
                                             int offset, bool resolve) {
  // As Mastodon: resolving and paging are for signed-in users only.
  if (viewer == 0 && (resolve || offset > 0)) {
    throw Error(ErrorCode::kUnauthorized,
                "Search queries that resolve remote resources or page require a signed-in user");
  }
  SearchResults out;
  while (!q.empty() && q.front() == ' ') q.erase(0, 1);
  while (!q.empty() && q.back() == ' ') q.pop_back();
  if (q.empty() || !valid_utf8(q)) co_return out;
  if (q.starts_with("https://") || q.starts_with("http://")) {
    // A URL is looked up, not searched for as text, and only when asked to resolve.
    if (resolve && offset == 0) co_return co_await resolve_url(q, viewer);
    co_return out;
  }
  std::string account_q = domain::lowercase(q.front() == '@' ? q.substr(1) : q);
  bool remote_handle = false;
  std::string remote_domain;
  if (auto at = account_q.find('@'); at != std::string::npos) {
    // user@domain: this server's own domain means a local account; any other is remote.
    remote_domain = account_q.substr(at + 1);
    remote_handle = remote_domain != domain::lowercase(config_.domain);
    account_q = account_q.substr(0, at);
  }
  if (remote_handle && (type.empty() || type == "accounts") && offset == 0 && !account_q.empty() &&
      !remote_domain.empty()) {
    // A remote handle: the stored account, fetched (again, when stale) when asked to resolve.
    std::optional<domain::Account> found;
    if (resolve) {
      try {
        found = co_await resolver_.resolve_handle(account_q, remote_domain);
      } catch (const federation::FetchError&) {
        // Unreachable or inconsistent: searched like anything else, so nothing found.
      }
    } else {
      found = co_await db_.read([&](db::Tx& tx) {
        return db::AccountRepository::find_by_acct(tx, account_q, remote_domain);
      });
    }
    if (found && !found->suspended_at) out.accounts.push_back(*found);
  }
  std::string tag_q = domain::lowercase(q.front() == '#' ? q.substr(1) : q);
  std::vector<std::int64_t> status_ids;
  co_await db_.read([&](db::Tx& tx) {
    if ((type.empty() || type == "accounts") && !remote_handle && !account_q.empty()) {
      for (auto id :
           db::ListRepository::search_accounts(tx, account_q, viewer, following, limit, offset)) {
        if (auto a = db::AccountRepository::find(tx, id)) out.accounts.push_back(*a);
      }
    }
    if ((type.empty() || type == "hashtags") && !tag_q.empty()) {
      out.hashtags = db::ListRepository::search_tags(tx, tag_q, limit, offset);
    }
    // Statuses only for signed-in viewers, as Mastodon does.
    if ((type.empty() || type == "statuses") && viewer != 0) {
      status_ids = db::ListRepository::search_statuses(tx, q, viewer, account_id, limit, offset);
    }
  });
  if (!status_ids.empty()) out.statuses = co_await statuses_.many(status_ids, viewer);
  co_return out;
}

// Another server's URL: a status (by id or page URL) or else an actor, as Mastodon's
// FetchResourceService tries them.
awaitable<SearchResults> ListService::resolve_remote_url(const std::string& url,
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

awaitable<SearchResults> ListService::resolve_url(const std::string& url, std::int64_t viewer) {
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
