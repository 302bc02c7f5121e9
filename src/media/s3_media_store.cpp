#include "media/s3_request.hpp"

#include <loxodon/media/s3_media_store.hpp>
#include <loxodon/util/file_handle.hpp>

#include <array>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace lox::media {

namespace {

// The type an object is stored with, from its key's extension: a bucket served directly (a
// public URL, a CDN) sends it as the object's Content-Type.
std::string content_type_of(const std::string& key) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes = {{
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".png", "image/png"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".heic", "image/heic"},
      {".mp4", "video/mp4"},
      {".m4v", "video/mp4"},
      {".mov", "video/quicktime"},
      {".webm", "video/webm"},
      {".ogv", "video/ogg"},
      {".m4a", "audio/mp4"},
      {".mp3", "audio/mpeg"},
      {".ogg", "audio/ogg"},
      {".oga", "audio/ogg"},
      {".wav", "audio/wav"},
  }};
  const auto slash = key.rfind('/');
  const auto dot = key.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string_view extension(key.data() + dot, key.size() - dot);
    for (const auto& [ext, type] : kTypes) {
      if (ext == extension) return std::string(type);
    }
  }
  return "application/octet-stream";
}

std::filesystem::path spool_of(const S3Settings& s) {
  return s.spool_directory.empty() ? std::filesystem::temp_directory_path() : s.spool_directory;
}

}  // namespace

S3MediaStore::S3MediaStore(S3Settings settings)
    : settings_(std::move(settings)), handles_(std::make_unique<s3::Handles>()) {}

S3MediaStore::~S3MediaStore() = default;

void S3MediaStore::put(const std::string& key, std::string_view bytes) {
  put_body(key, bytes.size(), [bytes](std::uint64_t offset, char* out, std::size_t max) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(max, bytes.size() - offset));
    std::memcpy(out, bytes.data() + offset, n);
    return n;
  });
}

void S3MediaStore::put_from(const std::string& key, const ByteSource& bytes) {
  put_body(key, bytes.size(), [&bytes](std::uint64_t offset, char* out, std::size_t max) {
    std::string block = bytes.read(offset, max);
    std::memcpy(out, block.data(), block.size());
    return block.size();
  });
}

void S3MediaStore::put_body(const std::string& key, std::uint64_t size,
                            std::function<std::size_t(std::uint64_t, char*, std::size_t)> read_at) {
  if (!valid_key(key)) throw std::invalid_argument("invalid media key");
  s3::Request request;
  request.method = "PUT";
  request.url = settings_.object_url(key);
  request.upload_size = size;
  request.upload = std::move(read_at);
  request.content_type = content_type_of(key);
  // A file never changes under its key (a new file gets a new key), as /system/media says.
  request.cache_control = "public, max-age=31536000, immutable";
  auto response = s3::perform(*handles_, settings_, request);
  if (response.status < 200 || response.status >= 300) s3::fail(request, response);
}

std::optional<std::string> S3MediaStore::read(const std::string& key) const {
  if (!valid_key(key)) return std::nullopt;
  std::string body;
  s3::Request request;
  request.url = settings_.object_url(key);
  request.on_body = [&body](std::string_view block) { body.append(block); };
  auto response = s3::perform(*handles_, settings_, request);
  if (response.status == 404) return std::nullopt;
  if (response.status != 200) s3::fail(request, response);
  return body;
}

void S3MediaStore::remove(const std::string& key) {
  if (!valid_key(key)) return;
  s3::Request request;
  request.method = "DELETE";
  request.url = settings_.object_url(key);
  auto response = s3::perform(*handles_, settings_, request);
  // Gone already is as good as removed (a retried job, a second node).
  if (response.status == 404) return;
  if (response.status < 200 || response.status >= 300) s3::fail(request, response);
}

std::optional<MediaFileInfo> S3MediaStore::stat(const std::string& key) const {
  if (!valid_key(key)) return std::nullopt;
  s3::Request request;
  request.method = "HEAD";
  request.url = settings_.object_url(key);
  auto response = s3::perform(*handles_, settings_, request);
  if (response.status == 404) return std::nullopt;
  if (response.status != 200) s3::fail(request, response);
  MediaFileInfo info;
  info.size = response.length;
  if (response.modified) info.modified = *response.modified;
  return info;
}

std::optional<ByteSource> S3MediaStore::download(
    const std::string& key, std::optional<std::pair<std::uint64_t, std::uint64_t>> range,
    bool& partial) const {
  if (!valid_key(key)) return std::nullopt;
  auto file = std::make_shared<FileHandle>(FileHandle::anonymous_in(spool_of(settings_)));
  s3::Request request;
  request.url = settings_.object_url(key);
  request.range = range;
  request.on_body = [&file](std::string_view block) { file->append(block); };
  auto response = s3::perform(*handles_, settings_, request);
  if (response.status == 404 || response.status == 416) return std::nullopt;
  if (response.status != 200 && response.status != 206) s3::fail(request, response);
  partial = response.status == 206;
  return ByteSource::whole_file(std::move(file));
}

std::optional<ByteSource> S3MediaStore::open(const std::string& key) const {
  bool partial = false;
  return download(key, std::nullopt, partial);
}

std::optional<ByteSource> S3MediaStore::open_part(const std::string& key, std::uint64_t offset,
                                                  std::uint64_t length) const {
  if (length == 0) return ByteSource(std::string());
  bool partial = false;
  auto bytes = download(key, std::pair{offset, offset + length - 1}, partial);
  // A server that ignores Range sends the whole object: the part is cut from it.
  if (bytes && !partial) return bytes->slice(offset, length);
  return bytes;
}

}  // namespace lox::media
