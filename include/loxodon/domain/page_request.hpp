#pragma once

#include <cstdint>
#include <limits>
#include <optional>

namespace lox::domain {

// Mastodon's paging parameters, resolved: items with since_id < id < max_id, newest first;
// with min_id, the items immediately above it (read upwards, returned newest first). The API
// reads it from a request and the repositories page by it, so it lives below both.
struct PageRequest {
  std::int64_t max_id = std::numeric_limits<std::int64_t>::max();
  std::int64_t since_id = 0;
  std::optional<std::int64_t> min_id;
  int limit = 20;
};

}  // namespace lox::domain
