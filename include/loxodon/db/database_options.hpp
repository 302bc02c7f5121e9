#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace lox::db {

struct DatabaseOptions {
  std::string url;
  std::size_t pool_size = 4;
  std::chrono::milliseconds statement_timeout{5000};
  std::chrono::seconds connect_timeout{5};
};

}  // namespace lox::db
