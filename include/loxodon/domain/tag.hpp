#pragma once

#include <cstdint>
#include <string>

namespace lox::domain {

// A hashtag as one viewer relates to it (viewer none: both flags false).
struct Tag {
  std::int64_t id = 0;
  std::string name;  // lowercase
  bool following = false;
  bool featuring = false;
};

}  // namespace lox::domain
