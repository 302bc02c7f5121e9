#pragma once

#include <cstdint>
#include <limits>
#include <optional>

namespace lox::db {

// Mastodon's paging parameters, resolved: rows with since_id < id < max_id, newest first;
// with min_id, the rows immediately above it (read upwards, returned newest first).
struct PageQuery {
  std::int64_t max_id = std::numeric_limits<std::int64_t>::max();
  std::int64_t since_id = 0;
  std::optional<std::int64_t> min_id;
  int limit = 20;
};

}  // namespace lox::db
