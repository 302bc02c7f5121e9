#pragma once

#include <loxodon/media/media_store.hpp>
#include <loxodon/media/s3_settings.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace lox::media {

namespace s3 {
class Handles;
}

// Media files as the objects of one bucket on an S3-compatible server (AWS S3, MinIO, Garage,
// Ceph RGW), so that every node of an instance reads and writes the same files. Requests are
// signed by libcurl's own AWS Signature V4 (CURLOPT_AWS_SIGV4); libcurl's global state is set
// up once at start (net::initialize_network_libraries). Every call blocks on the network:
// callers run them on a thread pool. Failures (unreachable, refused, 5xx) throw lox::Error
// with status 503; a missing object is nullopt, as in the local store.
class S3MediaStore : public MediaStore {
 public:
  explicit S3MediaStore(S3Settings settings);
  ~S3MediaStore() override;
  S3MediaStore(const S3MediaStore&) = delete;
  S3MediaStore& operator=(const S3MediaStore&) = delete;

  // An object is written whole by one PUT: readers see the old object or the new one.
  void put(const std::string& key, std::string_view bytes) override;
  // Streamed from the source a block at a time (an upload spooled to disk stays on disk).
  void put_from(const std::string& key, const ByteSource& bytes) override;
  std::optional<std::string> read(const std::string& key) const override;
  void remove(const std::string& key) override;
  // A HEAD request: the object's size and Last-Modified.
  std::optional<MediaFileInfo> stat(const std::string& key) const override;
  // The object downloaded into an unnamed temporary file (nothing large stays in memory).
  std::optional<ByteSource> open(const std::string& key) const override;
  // Only the part asked for, by a ranged GET.
  std::optional<ByteSource> open_part(const std::string& key, std::uint64_t offset,
                                      std::uint64_t length) const override;

  const S3Settings& settings() const { return settings_; }

 private:
  void put_body(const std::string& key, std::uint64_t size,
                std::function<std::size_t(std::uint64_t, char*, std::size_t)> read_at);
  std::optional<ByteSource> download(const std::string& key,
                                     std::optional<std::pair<std::uint64_t, std::uint64_t>> range,
                                     bool& partial) const;

  S3Settings settings_;
  std::unique_ptr<s3::Handles> handles_;
};

}  // namespace lox::media
