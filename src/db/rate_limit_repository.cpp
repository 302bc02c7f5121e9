#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/rate_limit_repository.hpp>

namespace lox::db {

std::vector<domain::RateLimitCount> RateLimitRepository::add_hits(
    Tx& tx, const std::vector<domain::RateLimitCount>& hits) {
  std::vector<domain::RateLimitCount> totals;
  if (hits.empty()) return totals;
  // One statement whatever the number of keys: three arrays of one length.
  std::vector<std::string> keys;
  std::vector<std::int64_t> windows;
  std::vector<std::int64_t> counts;
  keys.reserve(hits.size());
  windows.reserve(hits.size());
  counts.reserve(hits.size());
  for (const auto& h : hits) {
    keys.push_back(h.key);
    windows.push_back(h.window_start);
    counts.push_back(h.hits);
  }
  auto rows = tx.exec("rate_limit_hits_add", to_pg_text_array(keys), to_pg_bigint_array(windows),
                      to_pg_bigint_array(counts));
  totals.reserve(rows.size());
  for (const auto& row : rows) {
    totals.push_back(
        {row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::int64_t>()});
  }
  return totals;
}

std::int64_t RateLimitRepository::delete_before(Tx& tx, std::int64_t window_start) {
  return static_cast<std::int64_t>(tx.exec("rate_limit_hits_prune", window_start).affected_rows());
}

}  // namespace lox::db
