#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/domain/media_attachment.hpp>
#include <loxodon/media/image_processor.hpp>
#include <loxodon/media/media_store.hpp>
#include <loxodon/net/http_client.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/byte_source.hpp>
#include <loxodon/util/metrics.hpp>
#include <loxodon/util/snowflake.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

struct MediaUpload {
  ByteSource bytes;  // in memory, or a part of the request's spool file
  std::string description;
  std::optional<std::string> focus;  // "x,y", each -1.0 to 1.0
};

// Media attachments: an upload is checked (size, real type from its bytes), kept as uploaded,
// and processed by a durable job (images through libvips: orientation, scaling, metadata
// stripped, small variant, blurhash; video and audio stored as uploaded). Files live in a
// MediaStore under unguessable keys.
class MediaService {
 public:
  // Mastodon's limits: 16 MB for images, 99 MB for video and audio.
  static constexpr std::size_t kMaxImageBytes = 16 * 1024 * 1024;
  static constexpr std::size_t kMaxVideoBytes = 99 * 1024 * 1024;
  static constexpr std::size_t kMaxDescription = 1500;

  // `client` downloads remote attachments (SSRF-guarded); `metrics` times processing (null:
  // not measured).
  MediaService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
               media::MediaStore& store, asio::thread_pool& blocking, net::HttpClient& client,
               Metrics* metrics = nullptr);

  // Queues processing and returns the row (processing).
  awaitable<domain::MediaAttachment> upload(std::int64_t me, MediaUpload upload);
  // The v1 API: processes before answering.
  awaitable<domain::MediaAttachment> upload_and_process(std::int64_t me, MediaUpload upload);
  awaitable<domain::MediaAttachment> get(std::int64_t me, std::int64_t id);
  awaitable<domain::MediaAttachment> describe(std::int64_t me, std::int64_t id,
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

  // Job handler: downloads a remote status's attachment through the guarded client (at most
  // Mastodon's size limits) and processes it as an upload. Unreachable: retried; refused,
  // too large or not media: marked failed (shown as "unknown" with its remote URL).
  awaitable<void> run_fetch_remote(std::int64_t id);
  // Job handler (federation::kFetchProfileImageJob): a remote account's avatar or header,
  // fetched through the guarded client and cropped as an upload would be.
  awaitable<void> run_fetch_profile_image(std::int64_t account_id, bool header);
  // Job handler: copies a remote custom emoji's image (and a still of it) into the store.
  static constexpr std::size_t kMaxEmojiBytes = 256 * 1024;
  awaitable<void> run_fetch_emoji(std::int64_t emoji_id);
  // An emoji image (≤ 256 KB) stored as published within 512 × 512 and as a still within
  // 256 × 256; the two keys, or nothing when it is not an image libvips can use.
  struct StoredEmoji {
    std::string image_key;
    std::string static_key;
  };
  awaitable<std::optional<StoredEmoji>> store_emoji(std::string bytes);

  struct PruneProgress {
    std::int64_t done = 0;
    std::int64_t total = 0;
    std::int64_t bytes = 0;
  };
  // Removes the cached copies of remote attachments older than `days` (the rows stay and show
  // their remote URL), reporting after each batch. Returns what was removed.
  awaitable<PruneProgress> prune_remote(int days,
                                        std::function<void(const PruneProgress&)> progress);

  // A link preview's image copied into the store (≤ 8 MB, scaled within 400 × 400 as
  // Mastodon's cards, metadata stripped); nothing when it cannot be fetched or used.
  struct StoredImage {
    std::string key;
    int width = 0;
    int height = 0;
    std::string blurhash;
  };
  awaitable<std::optional<StoredImage>> copy_card_image(std::string url);
  // An uploaded image (≤ 8 MB) stored as a still within `max_pixels`, metadata stripped
  // (sponsor logos, sponsored creatives); nothing when it is not an image libvips can use.
  awaitable<std::optional<StoredImage>> store_image(std::string bytes, std::int64_t max_pixels);
  awaitable<void> remove_file(std::string key);

  // A file's size and time, and the file opened for reading, on threads of their own
  // (/system/media answers conditional requests from the first and sends the second a block at
  // a time).
  awaitable<std::optional<media::MediaFileInfo>> file_info(std::string key);
  awaitable<std::optional<ByteSource>> open_file(std::string key);
  // `length` bytes of the file from `offset` only (a Range request): a bucket sends just those.
  awaitable<std::optional<ByteSource>> open_file_part(std::string key, std::uint64_t offset,
                                                      std::uint64_t length);
  // `length` bytes of an opened file from `offset`, read on the same threads.
  awaitable<std::string> read_file_part(ByteSource file, std::uint64_t offset, std::size_t length);

 private:
  void record_processing(int kind, std::chrono::steady_clock::duration took);
  awaitable<domain::MediaAttachment> insert_upload(std::int64_t me, MediaUpload upload,
                                                   bool queue_job);
  // A remote file's bytes (status 200 within `max_bytes`); nothing when the server refuses it or
  // it is too large. Throws jobs::RetryableError when the server cannot be reached.
  awaitable<std::optional<std::string>> download(const std::string& url, const std::string& accept,
                                                 std::size_t max_bytes,
                                                 std::chrono::seconds timeout);

  // Downloads an image (within `max_bytes`) and processes it on the blocking pool; nothing when
  // it is not an image libvips can use.
  awaitable<std::optional<media::ProcessedImage>> fetch_image(const std::string& url,
                                                              std::size_t max_bytes,
                                                              media::ImageLimits limits);
  awaitable<std::optional<media::ProcessedImage>> process_image_bytes(std::string bytes,
                                                                      media::ImageLimits limits);
  awaitable<StoredImage> save_still(const media::ProcessedImage& image);
  awaitable<StoredEmoji> save_emoji(const media::ProcessedImage& image);
  static media::ImageLimits emoji_limits();

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  media::MediaStore& store_;
  asio::thread_pool& blocking_;
  net::HttpClient& client_;
  Metrics* metrics_;
  // Serving reads files on threads of their own: a download never waits behind image
  // processing or password hashing on the shared blocking pool.
  asio::thread_pool file_reads_{2};
};

}  // namespace lox::services
