#pragma once

#include <loxodon/util/byte_source.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lox::media {

// What serving a file needs to know before reading any of it.
struct MediaFileInfo {
  std::uint64_t size = 0;
  std::chrono::system_clock::time_point modified;
};

// Where media files live, by key ("ab/cd/<32 hex>/original.jpg"). Keys are made by the media
// service from random bytes, so a file's URL cannot be guessed from another's. The local
// filesystem store is the default; the S3-compatible store (S3MediaStore) implements the same
// calls as requests on a bucket's objects and serves several nodes from one bucket. Every call
// blocks: callers run them on a thread pool, never on an io thread.
class MediaStore {
 public:
  virtual ~MediaStore() = default;
  // Stores the bytes under `key`, replacing nothing halfway: readers see the old file or the new.
  virtual void put(const std::string& key, std::string_view bytes) = 0;
  // The same from bytes that may be in a file (an upload spooled to disk). The default reads
  // them into memory; stores override it to copy a block at a time.
  virtual void put_from(const std::string& key, const ByteSource& bytes);
  virtual std::optional<std::string> read(const std::string& key) const = 0;
  virtual void remove(const std::string& key) = 0;
  // Size and time of the file, without reading it (conditional and range requests are answered
  // from this), and the file opened once for reading parts of it (served a block at a time).
  // The defaults read the whole file; stores override them.
  virtual std::optional<MediaFileInfo> stat(const std::string& key) const;
  virtual std::optional<ByteSource> open(const std::string& key) const;
  // `length` bytes of the file from `offset` (a Range request), opened for reading. The default
  // opens the whole file and takes the part; a remote store fetches only the part, so seeking
  // in a long video never downloads all of it.
  virtual std::optional<ByteSource> open_part(const std::string& key, std::uint64_t offset,
                                              std::uint64_t length) const;

  // Whether `key` is one our service could have made: lowercase letters, digits, '.', '-', '_'
  // and '/' between non-empty parts, never "." or "..". Everything else is refused before it
  // reaches a filesystem or a bucket.
  static bool valid_key(std::string_view key);
};

}  // namespace lox::media
