#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/media/media_store.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

struct MediaUpload {
  std::string bytes;
  std::string description;
  std::optional<std::string> focus;  // "x,y", each -1.0 to 1.0
};

// Media attachments: an upload is checked (size, real type from its bytes), kept as uploaded,
// and processed by a durable job (images through libvips: orientation, scaling, metadata
// stripped, small variant, blurhash; video and audio stored as uploaded). Files live in a
// MediaStore under unguessable keys.
class MediaService {
 public:
  static constexpr const char* kProcessKind = "media.process";
  // Mastodon's limits: 16 MB for images, 99 MB for video and audio.
  static constexpr std::size_t kMaxImageBytes = 16 * 1024 * 1024;
  static constexpr std::size_t kMaxVideoBytes = 99 * 1024 * 1024;
  static constexpr std::size_t kMaxDescription = 1500;

  MediaService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
               media::MediaStore& store, asio::thread_pool& blocking);

  // Queues processing and returns the row (processing).
  awaitable<db::MediaRow> upload(std::int64_t me, MediaUpload upload);
  // The v1 API: processes before answering.
  awaitable<db::MediaRow> upload_and_process(std::int64_t me, MediaUpload upload);
  awaitable<db::MediaRow> get(std::int64_t me, std::int64_t id);
  awaitable<db::MediaRow> describe(std::int64_t me, std::int64_t id,
                                   std::optional<std::string> description,
                                   std::optional<std::string> focus);
  // Only while not attached to a status.
  awaitable<void> remove(std::int64_t me, std::int64_t id);

  // A new avatar (400 × 400) or header (1500 × 500) from an uploaded image, processed before
  // answering; the previous file is removed. At most 8 MB.
  static constexpr std::size_t kMaxProfileImageBytes = 8 * 1024 * 1024;
  awaitable<void> set_profile_image(std::int64_t me, bool header, std::string bytes);

  // Removes uploads never attached to a status within a day, with their files (run by the
  // hourly maintenance job). Returns how many went.
  awaitable<std::size_t> remove_stale_uploads();

  // Job handler. Retries only for storage or database trouble: a file that is not a usable
  // image marks the upload failed.
  awaitable<void> run_process(std::int64_t id);

  // A stored file, read on the blocking pool (nullopt when there is none).
  awaitable<std::optional<std::string>> read_file(std::string key);

 private:
  awaitable<db::MediaRow> insert_upload(std::int64_t me, MediaUpload upload, bool queue_job);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  media::MediaStore& store_;
  asio::thread_pool& blocking_;
};

}  // namespace lox::services
