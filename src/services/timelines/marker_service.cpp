#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/services/timelines/marker_service.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

MarkerService::MarkerService(db::Database& db) : db_(db) {}

awaitable<std::vector<domain::Marker>> MarkerService::markers(std::int64_t me,
                                                              std::vector<std::string> timelines) {
  co_return co_await db_.tx(
      [&](db::Tx& tx) { return db::StatusRepository::markers(tx, me, timelines); });
}

awaitable<void> MarkerService::set_marker(std::int64_t me, std::string timeline,
                                          std::int64_t last_read_id) {
  if (timeline != "home" && timeline != "notifications") {
    throw Error(ErrorCode::kUnprocessable,
                "Validation failed: Timeline is not included in the list");
  }
  co_await db_.tx(
      [&](db::Tx& tx) { db::StatusRepository::set_marker(tx, me, timeline, last_read_id); });
}

}  // namespace lox::services
