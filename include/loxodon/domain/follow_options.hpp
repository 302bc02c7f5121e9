#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// How a follow behaves: boosts shown, "status" notifications (the bell), and which languages reach
// the home feed (none: all). `languages` unset means "leave as it is" when a follow is updated.
struct FollowOptions {
  bool reblogs = true;
  bool notify = false;
  std::optional<std::vector<std::string>> languages;
};

}  // namespace lox::domain
