#pragma once

#include <cstdint>
#include <vector>

namespace lox::domain {

// One participant's view of a direct-message thread: the others in it, its latest status and
// whether that participant has read it.
struct Conversation {
  std::int64_t id = 0;
  std::vector<std::int64_t> participant_ids;  // everyone but the owner
  std::int64_t last_status_id = 0;
  bool unread = false;
};

}  // namespace lox::domain
