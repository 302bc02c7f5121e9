#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace lox::db {

// Mastodon's paging parameters, resolved: rows with since_id < id < max_id, newest first;
// with min_id, the rows immediately above it (read upwards, returned newest first).
struct PageQuery {
  std::int64_t max_id = std::numeric_limits<std::int64_t>::max();
  std::int64_t since_id = 0;
  std::optional<std::int64_t> min_id;
  int limit = 20;
};

// One row of a page reached through join rows: `cursor` is the join row's id (what Link headers
// page by), `id` the entity the row is about (a status, an account).
struct CursorRow {
  std::int64_t cursor = 0;
  std::int64_t id = 0;
};
using CursorRows = std::vector<CursorRow>;

}  // namespace lox::db
