#pragma once

#include <cstdint>
#include <vector>

namespace lox::db {

// One row of a page reached through join rows: `cursor` is the join row's id (what Link headers
// page by), `id` the entity the row is about (a status, an account).
struct CursorRow {
  std::int64_t cursor = 0;
  std::int64_t id = 0;
};
using CursorRows = std::vector<CursorRow>;

}  // namespace lox::db
