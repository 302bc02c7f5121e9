#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace lox::domain {

// Where a user stopped reading a timeline ("home" or "notifications"), shared between their
// clients; `version` counts the saves so a client can tell a stale copy.
struct Marker {
  std::string timeline;
  std::int64_t last_read_id = 0;
  int version = 0;
  std::chrono::system_clock::time_point updated_at{};
};

}  // namespace lox::domain
