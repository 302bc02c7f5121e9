#pragma once

#include <cstdint>

namespace lox::domain {

// A list a status belongs on, and the list's owner: where a live status event goes besides the
// home feeds.
struct ListAudience {
  std::int64_t list_id = 0;
  std::int64_t owner = 0;
};

}  // namespace lox::domain
