#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/rate_limiter.hpp>

#include <cstdint>
#include <vector>

namespace lox::db {

// API request counts added up over every process (migrations/0043).
class RateLimitRepository {
 public:
  // Adds `hits` (one process's, per key and window) and returns the totals of those keys and
  // windows over every process.
  static std::vector<domain::RateLimitCount> add_hits(
      Tx& tx, const std::vector<domain::RateLimitCount>& hits);
  // Deletes the counts of windows that started before `window_start`; returns how many.
  static std::int64_t delete_before(Tx& tx, std::int64_t window_start);
};

}  // namespace lox::db
