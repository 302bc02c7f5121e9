#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/announcement.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// Staff announcements, their dismissals and reactions.
class AnnouncementRepository {
 public:
  static void insert(Tx& tx, const domain::Announcement& row);
  // Marks it published now; false when it is gone or already published (jobs may run twice).
  static bool publish(Tx& tx, std::int64_t id);
  static bool remove(Tx& tx, std::int64_t id);
  // Published announcements that have not ended, newest first, as `viewer` sees them (0: no
  // one); dismissed ones only when asked for.
  static std::vector<domain::Announcement> active(Tx& tx, std::int64_t viewer, bool with_dismissed);
  static std::optional<domain::Announcement> find(Tx& tx, std::int64_t id, std::int64_t viewer);
  // Every announcement, published or not (the command line's list).
  static std::vector<domain::Announcement> all(Tx& tx);
  static bool dismiss(Tx& tx, std::int64_t viewer, std::int64_t id);
  // False when the reaction was already there (add) or not there (remove).
  static bool add_reaction(Tx& tx, std::int64_t viewer, std::int64_t id, const std::string& name);
  static bool remove_reaction(Tx& tx, std::int64_t viewer, std::int64_t id,
                              const std::string& name);
  static std::int64_t reaction_count(Tx& tx, std::int64_t id, const std::string& name);
};

}  // namespace lox::db
