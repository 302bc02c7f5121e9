#pragma once

#include <cstdint>
#include <string>

namespace lox::domain {

// A user's list: a timeline of chosen accounts they follow. `replies_policy` is Mastodon's
// "followed", "list" or "none"; `exclusive` is kept and returned as the client set it.
struct List {
  std::int64_t id = 0;
  std::string title;
  std::string replies_policy = "list";
  bool exclusive = false;
};

}  // namespace lox::domain
