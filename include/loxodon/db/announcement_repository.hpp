#pragma once

#include <loxodon/db/tx.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

using TimePoint = std::chrono::system_clock::time_point;

struct AnnouncementReaction {
  std::string name;
  std::int64_t count = 0;
  bool me = false;
};

struct AnnouncementRow {
  std::int64_t id = 0;
  std::string text;
  std::string content;
  std::vector<std::string> tags;
  std::optional<TimePoint> starts_at;
  std::optional<TimePoint> ends_at;
  bool all_day = false;
  std::optional<TimePoint> scheduled_at;
  std::optional<TimePoint> published_at;
  TimePoint updated_at;
  bool read = false;  // dismissed by the viewer
  std::vector<AnnouncementReaction> reactions;
};

// Staff announcements, their dismissals and reactions.
class AnnouncementRepository {
 public:
  static void insert(Tx& tx, const AnnouncementRow& row);
  // Marks it published now; false when it is gone or already published (jobs may run twice).
  static bool publish(Tx& tx, std::int64_t id);
  static bool remove(Tx& tx, std::int64_t id);
  // Published announcements that have not ended, newest first, as `viewer` sees them (0: no
  // one); dismissed ones only when asked for.
  static std::vector<AnnouncementRow> active(Tx& tx, std::int64_t viewer, bool with_dismissed);
  static std::optional<AnnouncementRow> find(Tx& tx, std::int64_t id, std::int64_t viewer);
  // Every announcement, published or not (the command line's list).
  static std::vector<AnnouncementRow> all(Tx& tx);
  static bool dismiss(Tx& tx, std::int64_t viewer, std::int64_t id);
  // False when the reaction was already there (add) or not there (remove).
  static bool add_reaction(Tx& tx, std::int64_t viewer, std::int64_t id, const std::string& name);
  static bool remove_reaction(Tx& tx, std::int64_t viewer, std::int64_t id,
                              const std::string& name);
  static std::int64_t reaction_count(Tx& tx, std::int64_t id, const std::string& name);
};

}  // namespace lox::db
