#pragma once

#include <cstdint>
#include <string>

namespace lox::domain {

// A domain a user hides (lowercase), with the row id that pages the list.
struct BlockedDomain {
  std::int64_t cursor = 0;
  std::string domain;
};

}  // namespace lox::domain
