#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/list.hpp>
#include <loxodon/domain/page_request.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// Lists (timelines of chosen followed accounts) and search over accounts, tags and statuses.
class ListRepository {
 public:
  static void create(Tx& tx, std::int64_t owner, const domain::List& list);
  static std::vector<domain::List> all(Tx& tx, std::int64_t owner);
  static std::optional<domain::List> get(Tx& tx, std::int64_t owner, std::int64_t id);
  static bool update(Tx& tx, std::int64_t owner, const domain::List& list);
  static bool remove(Tx& tx, std::int64_t owner, std::int64_t id);
  static std::vector<std::int64_t> members(Tx& tx, std::int64_t owner, std::int64_t id,
                                           const domain::PageRequest& page);
  // False when the account is not followed by the owner (or the list is not theirs).
  static bool add_member(Tx& tx, std::int64_t owner, std::int64_t id, std::int64_t account_id);
  static void remove_member(Tx& tx, std::int64_t owner, std::int64_t id, std::int64_t account_id);
  static std::vector<domain::List> containing(Tx& tx, std::int64_t owner, std::int64_t account_id);
  static std::vector<std::int64_t> timeline(Tx& tx, std::int64_t owner, std::int64_t id,
                                            const domain::PageRequest& page);

  static std::vector<std::int64_t> search_accounts(Tx& tx, const std::string& q,
                                                   std::int64_t viewer, bool following, int limit,
                                                   int offset);
  static std::vector<std::string> search_tags(Tx& tx, const std::string& q, int limit, int offset);
  static std::vector<std::int64_t> search_statuses(Tx& tx, const std::string& q,
                                                   std::int64_t viewer, std::int64_t account_id,
                                                   int limit, int offset);
};

}  // namespace lox::db
