#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lox::domain {

// Which notifications a listing shows: only `types` (empty: every type), none of
// `exclude_types`, and only those from `account_id` when set.
struct NotificationFilter {
  std::vector<std::string> types;
  std::vector<std::string> exclude_types;
  std::int64_t account_id = 0;  // 0: from anyone
};

}  // namespace lox::domain
