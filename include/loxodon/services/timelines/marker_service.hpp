#pragma once

#include <loxodon/domain/marker.hpp>
#include <loxodon/util/asio.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// Where a user stopped reading their home timeline and notifications, kept for every app.
class MarkerService {
 public:
  explicit MarkerService(db::Database& db);

  awaitable<std::vector<domain::Marker>> markers(std::int64_t me,
                                                 std::vector<std::string> timelines);
  // Only "home" and "notifications" are timelines with a marker.
  awaitable<void> set_marker(std::int64_t me, std::string timeline, std::int64_t last_read_id);

 private:
  db::Database& db_;
};

}  // namespace lox::services
