#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/media/image_processor.hpp>
#include <loxodon/media/media_kind.hpp>
#include <loxodon/media/timed_media_meta.hpp>
#include <loxodon/media/timed_media_strip.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/media/media_jobs.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/crypto.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <charconv>
#include <cmath>

namespace lox::services {

using nlohmann::json;

namespace {

constexpr int kImage = 0;
constexpr int kVideo = 2;
constexpr int kAudio = 3;

Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }

// The kinds of domain::MediaAttachment::kind, as Mastodon names them.
std::string_view kind_name(int kind) {
  switch (kind) {
    case kImage:
      return "image";
    case 1:
      return "gifv";
    case kVideo:
      return "video";
    case kAudio:
      return "audio";
    default:
      return "unknown";
  }
}

void refuse(const std::string& field, const std::string& label, const std::string& message) {
  ValidationErrors errors;
  errors.add(field, label, "ERR_INVALID", message);
  errors.throw_if_any();
}

// "x,y" with both within -1.0 … 1.0 (Mastodon's focal point).
std::pair<double, double> parse_focus(const std::string& text) {
  auto comma = text.find(',');
  double x = 0, y = 0;
  bool ok = comma != std::string::npos;
  if (ok) {
    auto a = std::from_chars(text.data(), text.data() + comma, x);
    auto b = std::from_chars(text.data() + comma + 1, text.data() + text.size(), y);
    ok = a.ec == std::errc{} && a.ptr == text.data() + comma && b.ec == std::errc{} &&
         b.ptr == text.data() + text.size() && std::abs(x) <= 1.0 && std::abs(y) <= 1.0;
  }
  if (!ok) refuse("focus", "Focus", "must be two numbers from -1.0 to 1.0, as x,y");
  return {x, y};
}

void check_description(const std::string& description) {
  if (!valid_utf8(description) || utf8_length(description) > MediaService::kMaxDescription) {
    refuse("description", "Description", "is too long (maximum is 1500 characters)");
  }
}

json size_meta(int width, int height) {
  return {{"width", width},
          {"height", height},
          {"size", std::to_string(width) + "x" + std::to_string(height)},
          {"aspect", height > 0 ? static_cast<double>(width) / height : 0.0}};
}

// Mastodon's "0:01:28.65".
std::string clock_length(double seconds) {
  auto centis = static_cast<long long>(seconds * 100 + 0.5);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld.%02lld", centis / 360000, centis / 6000 % 60,
                centis / 100 % 60, centis % 100);
  return buf;
}

// Video and audio meta as Mastodon reports it (what ffprobe would give), from the file's
// header: duration and bitrate, and for video the displayed size and frame rate.
json timed_meta(const media::TimedMediaMeta& m, std::size_t file_size) {
  json meta = json::object();
  json original = {{"duration", m.duration}};
  if (m.duration > 0) {
    original["bitrate"] =
        static_cast<std::int64_t>(static_cast<double>(file_size) * 8 / m.duration);
  }
  meta["length"] = clock_length(m.duration);
  meta["duration"] = m.duration;
  if (m.has_video && m.width > 0 && m.height > 0) {
    meta.update(size_meta(m.width, m.height));
    original.update({{"width", m.width}, {"height", m.height}});
    if (m.frame_rate > 0) {
      meta["fps"] = static_cast<int>(m.frame_rate + 0.5);
      char rate[32];
      std::snprintf(rate, sizeof rate, "%.3f", m.frame_rate);
      original["frame_rate"] = rate;
    }
  }
  meta["original"] = original;
  return meta;
}

// The directory of an upload's files: "ab/cd/<32 hex>" from the key of the upload itself.
std::string base_of(const std::string& upload_key) {
  return upload_key.substr(0, upload_key.rfind('/'));
}

}  // namespace

MediaService::MediaService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                           media::MediaStore& store, asio::thread_pool& blocking,
                           net::HttpClient& client, Metrics* metrics)
    : config_(config),
      db_(db),
      ids_(ids),
      store_(store),
      blocking_(blocking),
      client_(client),
      metrics_(metrics) {}

awaitable<domain::MediaAttachment> MediaService::insert_upload(std::int64_t me, MediaUpload upload,
                                                               bool queue_job) {
  if (upload.bytes.empty()) refuse("file", "File", "can't be blank");
  // Enough of the head for every signature sniff_media knows.
  auto sniffed = media::sniff_media(upload.bytes.read(0, 64));
  if (!sniffed) refuse("file", "File", "content type is not supported");
  constexpr std::size_t kMegabyte = 1024 * 1024;
  const bool image = sniffed->kind == media::MediaKind::kImage;
  std::size_t limit = image ? kMaxImageBytes : kMaxVideoBytes;
  if (upload.bytes.size() > limit) {
    // Only a large upload asks for the uploader's plan: a member's limit may be higher.
    auto granted = co_await db_.read(
        [&](db::Tx& tx) { return current_entitlements(tx, me, config_.funding.grace_days); });
    auto limits = effective_limits(config_, granted);
    limit = image ? limits.image_bytes : limits.video_bytes;
  }
  if (upload.bytes.size() > limit) {
    throw Error(ErrorCode::kPayloadTooLarge,
                "File is too large (maximum is " + std::to_string(limit / kMegabyte) + " MB for " +
                    (sniffed->kind == media::MediaKind::kImage ? "images" : "video and audio") +
                    ")");
  }
  check_description(upload.description);
  std::pair<double, double> focus{0, 0};
  if (upload.focus && !upload.focus->empty()) focus = parse_focus(*upload.focus);

  std::string hex = random_hex(16);
  domain::MediaAttachment row;
  row.id = ids_.next();
  row.account_id = me;
  row.kind = sniffed->kind == media::MediaKind::kImage   ? kImage
             : sniffed->kind == media::MediaKind::kVideo ? kVideo
                                                         : kAudio;
  row.content_type = sniffed->mime;
  row.upload_key = hex.substr(0, 2) + "/" + hex.substr(2, 2) + "/" + hex + "/upload";
  row.file_size = static_cast<std::int64_t>(upload.bytes.size());
  row.description = upload.description;
  row.focus_x = focus.first;
  row.focus_y = focus.second;
  auto save = [&] { store_.put_from(*row.upload_key, upload.bytes); };
  co_await run_blocking(blocking_, save);
  co_await db_.tx([&](db::Tx& tx) {
    db::MediaRepository::insert(tx, row);
    if (queue_job) {
      enqueue_media_processing(tx, row.id);
    }
  });
  co_return row;
}

awaitable<domain::MediaAttachment> MediaService::upload(std::int64_t me, MediaUpload upload) {
  co_return co_await insert_upload(me, std::move(upload), true);
}

awaitable<domain::MediaAttachment> MediaService::upload_and_process(std::int64_t me,
                                                                    MediaUpload upload) {
  auto row = co_await insert_upload(me, std::move(upload), false);
  co_await run_process(row.id);
  auto done = co_await get(me, row.id);
  if (done.state == 2) refuse("file", "File", "could not be processed");
  co_return done;
}

awaitable<domain::MediaAttachment> MediaService::get(std::int64_t me, std::int64_t id) {
  auto row = co_await db_.read([&](db::Tx& tx) { return db::MediaRepository::get(tx, me, id); });
  if (!row) throw not_found();
  co_return *row;
}

awaitable<domain::MediaAttachment> MediaService::describe(std::int64_t me, std::int64_t id,
                                                          std::optional<std::string> description,
                                                          std::optional<std::string> focus) {
  auto row = co_await get(me, id);
  if (description) {
    check_description(*description);
    row.description = *description;
  }
  if (focus) {
    auto [x, y] = parse_focus(*focus);
    row.focus_x = x;
    row.focus_y = y;
  }
  co_await db_.tx([&](db::Tx& tx) {
    db::MediaRepository::describe(tx, me, id, row.description, row.focus_x, row.focus_y);
  });
  co_return co_await get(me, id);
}

awaitable<void> MediaService::remove(std::int64_t me, std::int64_t id) {
  auto row = co_await db_.tx(
      [&](db::Tx& tx) { return db::MediaRepository::remove_unattached(tx, me, id); });
  if (!row) throw not_found();
  auto drop = [&] {
    for (const auto* key : {&row->upload_key, &row->file_key, &row->small_key}) {
      if (*key) store_.remove(**key);
    }
  };
  co_await run_blocking(blocking_, drop);
}

awaitable<void> MediaService::set_profile_image(std::int64_t me, bool header, std::string bytes) {
  const char* field = header ? "header" : "avatar";
  const char* label = header ? "Header" : "Avatar";
  auto sniffed = media::sniff_media(bytes);
  if (!sniffed || sniffed->kind != media::MediaKind::kImage) {
    refuse(field, label, "must be an image (JPEG, PNG, GIF, WebP, AVIF or HEIC)");
  }
  if (bytes.size() > kMaxProfileImageBytes) {
    throw Error(ErrorCode::kPayloadTooLarge,
                std::string(label) + " is too large (maximum is 8 MB)");
  }
  std::string hex = random_hex(16);
  std::string key;
  bool processed = true;
  auto work = [&] {
    media::ImageVariant image;
    try {
      image = header ? media::crop_image(bytes, 1500, 500) : media::crop_image(bytes, 400, 400);
    } catch (const media::MediaError&) {
      processed = false;
      return;
    }
    key =
        hex.substr(0, 2) + "/" + hex.substr(2, 2) + "/" + hex + "/" + field + "." + image.extension;
    store_.put(key, image.bytes);
  };
  co_await run_blocking(blocking_, work);
  if (!processed) refuse(field, label, "could not be processed as an image");
  auto old = co_await db_.tx(
      [&](db::Tx& tx) { return db::MediaRepository::set_profile_image(tx, me, header, key); });
  if (old) {
    auto drop = [&] { store_.remove(*old); };
    co_await run_blocking(blocking_, drop);
  }
}

awaitable<std::size_t> MediaService::remove_stale_uploads() {
  constexpr int kAfterHours = 24;
  constexpr int kBatch = 1000;
  auto rows = co_await db_.tx(
      [&](db::Tx& tx) { return db::MediaRepository::remove_stale(tx, kAfterHours, kBatch); });
  auto drop = [&] {
    for (const auto& row : rows) {
      for (const auto* key : {&row.upload_key, &row.file_key, &row.small_key}) {
        if (*key) store_.remove(**key);
      }
    }
  };
  co_await run_blocking(blocking_, drop);
  co_return rows.size();
}

void MediaService::record_processing(int kind, std::chrono::steady_clock::duration took) {
  if (metrics_ == nullptr) return;
  metrics_->record_media_processing(kind_name(kind), std::chrono::duration<double>(took).count());
}

awaitable<void> MediaService::run_process(std::int64_t id) {
  auto found = co_await db_.read([&](db::Tx& tx) { return db::MediaRepository::find(tx, id); });
  if (!found || found->state != 0 || !found->upload_key) co_return;  // gone or done already
  const domain::MediaAttachment row = *found;
  const std::string base = base_of(*row.upload_key);
  // Reading, processing and writing files all happen on the blocking pool.
  auto work = [&]() -> std::optional<db::ProcessedMedia> {
    auto bytes = store_.read(*row.upload_key);
    if (!bytes) return std::nullopt;
    db::ProcessedMedia out;
    json meta = json::object();
    if (row.kind == kImage) {
      media::ProcessedImage image;
      try {
        image = media::process_image(*bytes);
      } catch (const media::MediaError&) {
        return std::nullopt;
      }
      out.kind = kImage;
      out.content_type = image.original.mime;
      out.file_key = base + "/original." + image.original.extension;
      out.small_key = base + "/small." + image.small.extension;
      out.file_size = static_cast<std::int64_t>(image.original.bytes.size());
      out.blurhash = image.blurhash;
      store_.put(out.file_key, image.original.bytes);
      store_.put(*out.small_key, image.small.bytes);
      meta["original"] = size_meta(image.original.width, image.original.height);
      meta["small"] = size_meta(image.small.width, image.small.height);
    } else {
      // Video and audio are served as uploaded, less their location, device and other
      // descriptive metadata (cleared in place: nothing is re-encoded); MP4, MOV and M4A
      // headers give their meta (other containers are served without it).
      auto sniffed = media::sniff_media(*bytes);
      std::string cleaned = media::without_timed_media_metadata(std::move(*bytes));
      if (auto timed = media::read_iso_media_meta(cleaned)) {
        meta = timed_meta(*timed, cleaned.size());
      }
      out.kind = row.kind;
      out.content_type = sniffed ? sniffed->mime : row.content_type;
      out.file_key = base + "/original." + (sniffed ? sniffed->extension : "bin");
      out.file_size = static_cast<std::int64_t>(cleaned.size());
      store_.put(out.file_key, cleaned);
    }
    out.meta = meta.dump();
    return out;
  };
  const auto began = std::chrono::steady_clock::now();
  auto processed = co_await run_blocking(blocking_, work);
  record_processing(row.kind, std::chrono::steady_clock::now() - began);
  co_await db_.tx([&](db::Tx& tx) {
    if (processed) {
      db::MediaRepository::finish(tx, id, *processed);
    } else {
      db::MediaRepository::fail(tx, id);
    }
  });
  auto drop_upload = [&] { store_.remove(*row.upload_key); };
  co_await run_blocking(blocking_, drop_upload);
}

awaitable<std::optional<std::string>> MediaService::download(const std::string& url,
                                                             const std::string& accept,
                                                             std::size_t max_bytes,
                                                             std::chrono::seconds timeout) {
  net::HttpClientRequest request;
  request.url = url;
  request.headers = {{"Accept", accept}};
  request.max_response_bytes = max_bytes;
  request.timeout = timeout;
  std::optional<net::HttpClientResponse> response;
  std::string unreachable;
  try {
    response = co_await client_.get_following_redirects(request);
  } catch (const net::HttpClientError& e) {
    if (!e.too_large()) unreachable = e.what();  // too large is final; the network may recover
  }
  if (!unreachable.empty()) throw jobs::RetryableError("fetching " + url + ": " + unreachable);
  if (!response || response->status != 200) co_return std::nullopt;
  co_return std::move(response->body);
}

awaitable<void> MediaService::run_fetch_remote(std::int64_t id) {
  auto found = co_await db_.read([&](db::Tx& tx) { return db::MediaRepository::find(tx, id); });
  if (!found || found->state != 0 || !found->remote_url || found->upload_key) co_return;
  auto body =
      co_await download(*found->remote_url, "*/*", kMaxVideoBytes, std::chrono::seconds(60));
  auto sniffed = body ? media::sniff_media(*body) : std::nullopt;
  const std::size_t limit =
      sniffed && sniffed->kind == media::MediaKind::kImage ? kMaxImageBytes : kMaxVideoBytes;
  if (!sniffed || body->size() > limit) {
    co_await db_.tx([&](db::Tx& tx) { db::MediaRepository::fail(tx, id); });
    co_return;
  }
  std::string hex = random_hex(16);
  std::string key = hex.substr(0, 2) + "/" + hex.substr(2, 2) + "/" + hex + "/upload";
  auto save = [&] { store_.put(key, *body); };
  co_await run_blocking(blocking_, save);
  bool kept = co_await db_.tx([&](db::Tx& tx) {
    return db::MediaRepository::set_upload(tx, id, key, static_cast<std::int64_t>(body->size()));
  });
  if (!kept) {
    auto drop = [&] { store_.remove(key); };
    co_await run_blocking(blocking_, drop);
    co_return;
  }
  co_await run_process(id);
}

awaitable<void> MediaService::run_fetch_profile_image(std::int64_t account_id, bool header) {
  auto images = co_await db_.read(
      [&](db::Tx& tx) { return db::DeliveryHostRepository::remote_images(tx, account_id); });
  const std::string& url = header ? images.header_url : images.avatar_url;
  if (url.empty()) co_return;
  auto body = co_await download(url, "image/*", kMaxProfileImageBytes, std::chrono::seconds(30));
  if (!body) co_return;  // the default image stays
  try {
    co_await set_profile_image(account_id, header, std::move(*body));
  } catch (const Error&) {
    // Not an image we can use: the default image stays.
  }
}

// Mastodon keeps remote emoji up to 256 KB; the image is kept as published (animated GIFs byte
// for byte, others re-encoded without metadata) with a still for `static_url`.
awaitable<std::optional<media::ProcessedImage>> MediaService::fetch_image(
    const std::string& url, std::size_t max_bytes, media::ImageLimits limits) {
  auto body = co_await download(url, "image/*", max_bytes, std::chrono::seconds(30));
  if (!body) co_return std::nullopt;
  co_return co_await process_image_bytes(std::move(*body), limits);
}

awaitable<std::optional<media::ProcessedImage>> MediaService::process_image_bytes(
    std::string bytes, media::ImageLimits limits) {
  auto sniffed = media::sniff_media(bytes);
  if (!sniffed || sniffed->kind != media::MediaKind::kImage) co_return std::nullopt;
  std::optional<media::ProcessedImage> out;
  auto work = [&] {
    try {
      out = media::process_image(bytes, limits);
    } catch (const media::MediaError&) {
      // Not an image libvips can use: nothing is stored.
    }
  };
  co_await run_blocking(blocking_, work);
  co_return out;
}

awaitable<void> MediaService::run_fetch_emoji(std::int64_t emoji_id) {
  auto url = co_await db_.read(
      [&](db::Tx& tx) { return db::CustomEmojiRepository::image_source(tx, emoji_id); });
  if (!url) co_return;
  auto image = co_await fetch_image(*url, kMaxEmojiBytes, emoji_limits());
  if (!image) co_return;  // its shortcode stays plain text
  auto stored = co_await save_emoji(*image);
  auto replaced = co_await db_.tx([&](db::Tx& tx) {
    return db::CustomEmojiRepository::set_image(tx, emoji_id, stored.image_key, stored.static_key);
  });
  if (!replaced.empty()) {
    auto drop = [&] {
      for (const auto& key : replaced) store_.remove(key);
    };
    co_await run_blocking(blocking_, drop);
  }
}

media::ImageLimits MediaService::emoji_limits() {
  media::ImageLimits limits;
  limits.max_input_pixels = 4096LL * 4096;
  limits.max_original_pixels = 512LL * 512;
  limits.small_pixels = 256LL * 256;
  return limits;
}

awaitable<MediaService::StoredEmoji> MediaService::save_emoji(const media::ProcessedImage& image) {
  const std::string hex = random_hex(16);
  const std::string dir = hex.substr(0, 2) + "/" + hex.substr(2, 2) + "/" + hex + "/emoji";
  StoredEmoji stored{dir + "." + image.original.extension,
                     dir + "-static." + image.small.extension};
  auto save = [&] {
    store_.put(stored.image_key, image.original.bytes);
    store_.put(stored.static_key, image.small.bytes);
  };
  co_await run_blocking(blocking_, save);
  co_return stored;
}

awaitable<std::optional<MediaService::StoredEmoji>> MediaService::store_emoji(std::string bytes) {
  if (bytes.size() > kMaxEmojiBytes) co_return std::nullopt;
  auto image = co_await process_image_bytes(std::move(bytes), emoji_limits());
  if (!image) co_return std::nullopt;
  co_return co_await save_emoji(*image);
}

awaitable<std::optional<MediaService::StoredImage>> MediaService::copy_card_image(std::string url) {
  media::ImageLimits limits;
  limits.max_original_pixels = 400LL * 400;
  limits.small_pixels = 400LL * 400;
  auto image = co_await fetch_image(url, kMaxImageBytes / 2, limits);
  if (!image) co_return std::nullopt;
  co_return co_await save_still(*image);
}

awaitable<std::optional<MediaService::StoredImage>> MediaService::store_image(
    std::string bytes, std::int64_t max_pixels) {
  if (bytes.size() > kMaxProfileImageBytes) co_return std::nullopt;
  media::ImageLimits limits;
  limits.max_original_pixels = max_pixels;
  limits.small_pixels = max_pixels;
  auto image = co_await process_image_bytes(std::move(bytes), limits);
  if (!image) co_return std::nullopt;
  co_return co_await save_still(*image);
}

awaitable<MediaService::StoredImage> MediaService::save_still(const media::ProcessedImage& image) {
  // A still (an animated GIF's small variant is its first frame).
  const auto& still = image.animated ? image.small : image.original;
  const std::string hex = random_hex(16);
  StoredImage stored;
  stored.key = hex.substr(0, 2) + "/" + hex.substr(2, 2) + "/" + hex + "/small." + still.extension;
  stored.width = still.width;
  stored.height = still.height;
  stored.blurhash = image.blurhash;
  auto save = [&] { store_.put(stored.key, still.bytes); };
  co_await run_blocking(blocking_, save);
  co_return stored;
}

awaitable<void> MediaService::remove_file(std::string key) {
  auto drop = [&] { store_.remove(key); };
  co_await run_blocking(blocking_, drop);
}

awaitable<MediaService::PruneProgress> MediaService::prune_remote(
    int days, std::function<void(const PruneProgress&)> progress) {
  PruneProgress p;
  auto counted = co_await db_.read(
      [&](db::Tx& tx) { return db::MediaRepository::remote_cached_count(tx, days); });
  p.total = counted.files;
  progress(p);
  for (;;) {
    auto batch = co_await db_.read(
        [&](db::Tx& tx) { return db::MediaRepository::remote_cached(tx, days, 200); });
    if (batch.empty()) break;
    auto drop = [&] {
      for (const auto& m : batch) {
        for (const auto* key : {&m.file_key, &m.small_key}) {
          if (*key) store_.remove(**key);
        }
      }
    };
    co_await run_blocking(blocking_, drop);
    co_await db_.tx([&](db::Tx& tx) {
      for (const auto& m : batch) db::MediaRepository::evict(tx, m.id);
    });
    for (const auto& m : batch) p.bytes += m.file_size;
    p.done += static_cast<std::int64_t>(batch.size());
    progress(p);
  }
  co_return p;
}

awaitable<std::optional<media::MediaFileInfo>> MediaService::file_info(std::string key) {
  auto stat = [&] { return store_.stat(key); };
  co_return co_await run_blocking(file_reads_, stat);
}

awaitable<std::optional<ByteSource>> MediaService::open_file(std::string key) {
  auto open = [&] { return store_.open(key); };
  co_return co_await run_blocking(file_reads_, open);
}

awaitable<std::optional<ByteSource>> MediaService::open_file_part(std::string key,
                                                                  std::uint64_t offset,
                                                                  std::uint64_t length) {
  auto open = [&] { return store_.open_part(key, offset, length); };
  co_return co_await run_blocking(file_reads_, open);
}

awaitable<std::string> MediaService::read_file_part(ByteSource file, std::uint64_t offset,
                                                    std::size_t length) {
  auto read = [&] { return file.read(offset, length); };
  co_return co_await run_blocking(file_reads_, read);
}

}  // namespace lox::services
