#pragma once

#include <loxodon/util/file_handle.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace lox {

// Bytes that live in memory or in a part of a file, read the same way: an upload spooled to disk
// by the HTTP server travels to the media store as a part of that file and is never copied
// into memory whole. Copies share what they read from.
class ByteSource {
 public:
  static constexpr std::uint64_t npos = ~std::uint64_t{0};

  ByteSource() = default;
  // Bytes in memory (implicit: anything that takes a ByteSource takes a string).
  ByteSource(std::string bytes);  // NOLINT(google-explicit-constructor)
  // `length` bytes of `file` from `offset`.
  ByteSource(std::shared_ptr<const FileHandle> file, std::uint64_t offset, std::uint64_t length);
  // The whole of `file` as it is now.
  static ByteSource whole_file(std::shared_ptr<const FileHandle> file);

  std::uint64_t size() const { return length_; }
  bool empty() const { return length_ == 0; }
  bool in_file() const { return file_ != nullptr; }

  // Up to `length` bytes from `offset` (fewer at the end).
  std::string read(std::uint64_t offset, std::size_t length) const;
  // Everything, in memory: for callers whose bytes are known to be small.
  std::string to_string() const;
  // A part of these bytes, sharing them.
  ByteSource slice(std::uint64_t offset, std::uint64_t length) const;
  // Where `needle` (non-empty, at most 4 KiB) first starts at or after `from`, or npos; a file
  // is scanned a block at a time.
  std::uint64_t find(std::string_view needle, std::uint64_t from = 0) const;
  // Hands the bytes to `sink` in order, at most `chunk` at a time.
  void for_each_chunk(std::size_t chunk, const std::function<void(std::string_view)>& sink) const;

 private:
  std::shared_ptr<const std::string> memory_;
  std::shared_ptr<const FileHandle> file_;
  std::uint64_t offset_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace lox
