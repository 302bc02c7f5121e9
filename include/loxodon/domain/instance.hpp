#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lox::domain {

struct InstanceStats {
  std::int64_t user_count = 0;
  std::int64_t status_count = 0;
  std::int64_t domain_count = 0;
  std::int64_t active_month = 0;
};

struct InstanceRule {
  std::string id;
  std::string text;
  std::string hint;
};

}  // namespace lox::domain
