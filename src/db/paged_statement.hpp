#pragma once
// Mastodon paging over a pair of prepared statements taking ($1 first, $2 max_id, $3 since_id
// or min_id, $4 limit, rest...): `down` reads newest first; for min_id, `up` reads upwards from
// it and the rows are returned newest first all the same.

#include "db/tx_impl.hpp"

#include <loxodon/domain/page_request.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace lox::db {

template <class Row, class Read, class... Args>
std::vector<Row> paged_rows(Tx& tx, const char* down, const char* up, const domain::PageRequest& p,
                            Read read, std::int64_t first, Args&&... rest) {
  std::vector<Row> out =
      read(p.min_id ? tx.exec(up, first, p.max_id, *p.min_id, p.limit, rest...)
                    : tx.exec(down, first, p.max_id, p.since_id, p.limit, rest...));
  if (p.min_id) std::reverse(out.begin(), out.end());
  return out;
}

// The same, one row to one value.
template <class Row, class ReadRow, class... Args>
std::vector<Row> paged(Tx& tx, const char* down, const char* up, const domain::PageRequest& p,
                       ReadRow read_row, std::int64_t first, Args&&... rest) {
  auto read = [&](const pqxx::result& r) {
    std::vector<Row> out;
    out.reserve(r.size());
    for (const auto& row : r) out.push_back(read_row(row));
    return out;
  };
  return paged_rows<Row>(tx, down, up, p, read, first, std::forward<Args>(rest)...);
}

}  // namespace lox::db
