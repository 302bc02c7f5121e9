#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace lox::domain {

// A hashtag an account features on its profile, with how much it has posted under it.
struct FeaturedTag {
  std::int64_t id = 0;
  std::string name;
  std::int64_t statuses_count = 0;
  std::optional<std::int64_t> last_status_at_ms;
};

}  // namespace lox::domain
