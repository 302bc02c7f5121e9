#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/media_attachment.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

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

// How many cached copies of remote attachments there are, and their bytes.
struct CachedMediaCount {
  std::int64_t files = 0;
  std::int64_t bytes = 0;
};

class MediaRepository {
 public:
  static void insert(Tx& tx, const domain::MediaAttachment& row);
  // A remote status's attachment, to be cached by a job (state 0, no file yet).
  static void insert_remote(Tx& tx, const domain::MediaAttachment& row);
  // The fetched bytes of a remote attachment, stored under `key` for processing.
  static bool set_upload(Tx& tx, std::int64_t id, const std::string& key, std::int64_t size);
  // Cached copies of remote attachments created more than `older_than_days` ago.
  static std::vector<domain::MediaAttachment> remote_cached(Tx& tx, int older_than_days, int limit);
  static CachedMediaCount remote_cached_count(Tx& tx, int older_than_days);
  // Forgets the cached copy (the files are removed by the caller): state 3.
  static void evict(Tx& tx, std::int64_t id);
  static std::optional<domain::MediaAttachment> find(Tx& tx, std::int64_t id);
  static std::optional<domain::MediaAttachment> get(Tx& tx, std::int64_t owner, std::int64_t id);
  static void finish(Tx& tx, std::int64_t id, const ProcessedMedia& processed);
  static void fail(Tx& tx, std::int64_t id);
  static bool describe(Tx& tx, std::int64_t owner, std::int64_t id, const std::string& description,
                       double focus_x, double focus_y);
  // Only while unattached; returns the row removed (for its files).
  static std::optional<domain::MediaAttachment> remove_unattached(Tx& tx, std::int64_t owner,
                                                                  std::int64_t id);
  // Sets an account's avatar (or header) key and returns the one it replaces.
  static std::optional<std::string> set_profile_image(Tx& tx, std::int64_t account_id, bool header,
                                                      const std::string& key);
  // Unattached uploads older than `hours`, at most `limit` of them, removed and returned.
  static std::vector<domain::MediaAttachment> remove_stale(Tx& tx, int hours, int limit);
  // The author's own, unattached uploads among `ids` (in the order of `ids`).
  static std::vector<domain::MediaAttachment> attachable(Tx& tx, std::int64_t owner,
                                                         const std::vector<std::int64_t>& ids);
  static void attach(Tx& tx, std::int64_t status_id, std::int64_t owner,
                     const std::vector<std::int64_t>& ids);
};

}  // namespace lox::db
