#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/list_repository.hpp>
#include <loxodon/services/accounts/list_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

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

ListService::ListService(db::Database& db, SnowflakeGenerator& ids, StatusReader& statuses,
                         const ReadYourWrites& recent)
    : db_(db), ids_(ids), statuses_(statuses), recent_(recent) {}

awaitable<std::vector<domain::List>> ListService::lists(std::int64_t me) {
  co_return co_await db_.read([&](db::Tx& tx) { return db::ListRepository::all(tx, me); });
}

awaitable<domain::List> ListService::get(std::int64_t me, std::int64_t id) {
  auto list = co_await db_.read([&](db::Tx& tx) { return db::ListRepository::get(tx, me, id); });
  if (!list) throw not_found();
  co_return *list;
}

awaitable<domain::List> ListService::create(std::int64_t me, std::string title,
                                            std::string replies_policy, bool exclusive) {
  check_list(title, replies_policy);
  domain::List row{ids_.next(), title, replies_policy, exclusive};
  co_await db_.tx([&](db::Tx& tx) { db::ListRepository::create(tx, me, row); });
  co_return row;
}

awaitable<domain::List> ListService::update(std::int64_t me, std::int64_t id,
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
                                                             domain::PageRequest page) {
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

awaitable<std::vector<domain::List>> ListService::containing(std::int64_t me,
                                                             std::int64_t account_id) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::ListRepository::containing(tx, me, account_id); });
}

awaitable<StatusPage> ListService::timeline(std::int64_t me, std::int64_t id,
                                            domain::PageRequest page) {
  co_await get(me, id);
  // The list itself is checked on the primary; its timeline, like home, may come from the replica.
  const auto from = recent_.read_from(me);
  auto ids = co_await db_.read(
      [&](db::Tx& tx) { return db::ListRepository::timeline(tx, me, id, page); }, from);
  co_return co_await statuses_.render(ids, me, domain::FilterContext::kHome, from);
}

}  // namespace lox::services
