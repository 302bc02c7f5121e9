#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/filter.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lox::db {

// The filters an account keeps (Mastodon's custom filters), their keywords and statuses, and
// which of them match a set of statuses.
// A keyword, or a status, of one of the owner's filters, with the filter it belongs to.
struct FilterKeywordRow {
  std::int64_t filter_id = 0;
  domain::FilterKeyword keyword;
};
struct FilterStatusRow {
  std::int64_t filter_id = 0;
  domain::FilterStatus status;
};

class FilterRepository {
 public:
  static void insert(Tx& tx, std::int64_t owner, const domain::Filter& filter);
  // Title, contexts, action and expiry (keywords and statuses have their own calls).
  static bool update(Tx& tx, std::int64_t owner, const domain::Filter& filter);
  static bool remove(Tx& tx, std::int64_t owner, std::int64_t id);
  static std::int64_t count(Tx& tx, std::int64_t owner);
  // With keywords and statuses.
  static std::vector<domain::Filter> all(Tx& tx, std::int64_t owner);
  static std::optional<domain::Filter> get(Tx& tx, std::int64_t owner, std::int64_t id);

  static void add_keyword(Tx& tx, std::int64_t filter_id, const domain::FilterKeyword& keyword);
  // The keyword and the id of its filter, when the owner has it.
  static std::optional<FilterKeywordRow> keyword(Tx& tx, std::int64_t owner, std::int64_t id);
  static bool update_keyword(Tx& tx, std::int64_t owner, const domain::FilterKeyword& keyword);
  static bool remove_keyword(Tx& tx, std::int64_t owner, std::int64_t id);

  // False when the filter already holds the status.
  static bool add_status(Tx& tx, std::int64_t filter_id, const domain::FilterStatus& status);
  static std::optional<FilterStatusRow> status(Tx& tx, std::int64_t owner, std::int64_t id);
  static bool remove_status(Tx& tx, std::int64_t owner, std::int64_t id);

  // The viewer's active filters matching each status, keyed by status id.
  static std::unordered_map<std::int64_t, std::vector<domain::FilterResult>> matches(
      Tx& tx, const std::string& status_id_array, std::int64_t viewer);
};

}  // namespace lox::db
