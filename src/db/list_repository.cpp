#include "db/tx_impl.hpp"

#include <loxodon/db/list_repository.hpp>

namespace lox::db {

namespace {
domain::List read_list(const pqxx::row& row) {
  return {row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
          row[3].as<bool>()};
}
// The query as a LIKE pattern that matches itself only: '%', '_' and backslash lose their meaning.
std::string like_literal(const std::string& q) {
  std::string out;
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}
std::vector<std::int64_t> ids(const pqxx::result& r) {
  std::vector<std::int64_t> out;
  for (const auto& row : r) out.push_back(row[0].as<std::int64_t>());
  return out;
}
}  // namespace

void ListRepository::create(Tx& tx, std::int64_t owner, const domain::List& l) {
  tx.exec("list_insert", l.id, owner, l.title, l.replies_policy, l.exclusive);
}
std::vector<domain::List> ListRepository::all(Tx& tx, std::int64_t owner) {
  std::vector<domain::List> out;
  for (const auto& row : tx.exec("lists_of", owner)) out.push_back(read_list(row));
  return out;
}
std::optional<domain::List> ListRepository::get(Tx& tx, std::int64_t owner, std::int64_t id) {
  auto r = tx.exec("list_get", owner, id);
  if (r.empty()) return std::nullopt;
  return read_list(r[0]);
}
bool ListRepository::update(Tx& tx, std::int64_t owner, const domain::List& l) {
  return tx.exec("list_update", owner, l.id, l.title, l.replies_policy, l.exclusive)
             .affected_rows() == 1;
}
bool ListRepository::remove(Tx& tx, std::int64_t owner, std::int64_t id) {
  return tx.exec("list_delete", owner, id).affected_rows() == 1;
}
std::vector<std::int64_t> ListRepository::members(Tx& tx, std::int64_t owner, std::int64_t id,
                                                  const domain::PageRequest& p) {
  return ids(tx.exec("list_members", owner, id, p.max_id, p.min_id.value_or(p.since_id), p.limit));
}
bool ListRepository::add_member(Tx& tx, std::int64_t owner, std::int64_t id,
                                std::int64_t account_id) {
  tx.exec("list_add_member", owner, id, account_id);
  // Present afterwards means added now or before: adding twice is not an error.
  for (auto m : members(tx, owner, id,
                        domain::PageRequest{account_id + 1, account_id - 1, std::nullopt, 1})) {
    if (m == account_id) return true;
  }
  return false;
}
void ListRepository::remove_member(Tx& tx, std::int64_t owner, std::int64_t id,
                                   std::int64_t account_id) {
  tx.exec("list_remove_member", owner, id, account_id);
}
std::vector<domain::List> ListRepository::containing(Tx& tx, std::int64_t owner,
                                                     std::int64_t account_id) {
  std::vector<domain::List> out;
  for (const auto& row : tx.exec("lists_with_member", owner, account_id)) {
    out.push_back(read_list(row));
  }
  return out;
}
std::vector<std::int64_t> ListRepository::timeline(Tx& tx, std::int64_t owner, std::int64_t id,
                                                   const domain::PageRequest& p) {
  return ids(tx.exec("list_page", owner, p.max_id, p.min_id.value_or(p.since_id), p.limit, id));
}

std::vector<std::int64_t> ListRepository::search_accounts(Tx& tx, const std::string& q,
                                                          std::int64_t viewer, bool following,
                                                          int limit, int offset) {
  return ids(tx.exec("search_accounts", q, viewer, following, limit, offset, like_literal(q)));
}
std::vector<std::string> ListRepository::search_tags(Tx& tx, const std::string& q, int limit,
                                                     int offset) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("search_tags", q, limit, offset, like_literal(q))) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}
std::vector<std::int64_t> ListRepository::search_statuses(Tx& tx, const std::string& q,
                                                          std::int64_t viewer,
                                                          std::int64_t account_id, int limit,
                                                          int offset) {
  return ids(tx.exec("search_statuses", q, viewer, limit, account_id, offset));
}

}  // namespace lox::db
