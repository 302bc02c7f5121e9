#pragma once

#include <loxodon/util/metrics.hpp>

#include <chrono>
#include <cstddef>
#include <string>

namespace lox::db {

struct DatabaseOptions {
  std::string url;
  std::size_t pool_size = 4;
  std::chrono::milliseconds statement_timeout{5000};
  std::chrono::seconds connect_timeout{5};
  // Pool waits and connections in use; null: not measured.
  Metrics* metrics = nullptr;
};

}  // namespace lox::db
