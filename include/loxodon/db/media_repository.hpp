#pragma once

#include <loxodon/db/tx.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct MediaRow {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::optional<std::int64_t> status_id;
  int kind = 0;   // 0 image, 1 gifv, 2 video, 3 audio
  int state = 0;  // 0 processing, 1 ready, 2 failed
  std::string content_type;
  std::optional<std::string> upload_key;
  std::optional<std::string> file_key;
  std::optional<std::string> small_key;
  std::int64_t file_size = 0;
  std::string description;
  double focus_x = 0;
  double focus_y = 0;
  std::string meta = "{}";  // JSON
  std::optional<std::string> blurhash;
};

// What processing produced for an upload.
struct ProcessedMedia {
  int kind = 0;
  std::string content_type;
  std::string file_key;
  std::optional<std::string> small_key;
  std::int64_t file_size = 0;
  std::string meta;  // JSON
  std::optional<std::string> blurhash;
};

class MediaRepository {
 public:
  static void insert(Tx& tx, const MediaRow& row);
  static std::optional<MediaRow> find(Tx& tx, std::int64_t id);
  static std::optional<MediaRow> get(Tx& tx, std::int64_t owner, std::int64_t id);
  static void finish(Tx& tx, std::int64_t id, const ProcessedMedia& processed);
  static void fail(Tx& tx, std::int64_t id);
  static bool describe(Tx& tx, std::int64_t owner, std::int64_t id, const std::string& description,
                       double focus_x, double focus_y);
  // Only while unattached; returns the row removed (for its files).
  static std::optional<MediaRow> remove_unattached(Tx& tx, std::int64_t owner, std::int64_t id);
};

}  // namespace lox::db
