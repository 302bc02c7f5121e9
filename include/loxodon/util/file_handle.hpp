#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lox {

// One open file descriptor, closed when the handle goes. Reads are positional (pread), so one
// handle can be shared by readers without a file position to agree on.
class FileHandle {
 public:
  // A new file with no name in `directory`: nothing is left behind when it is closed, even when
  // the process is killed (O_TMPFILE; on a filesystem without it, a named file unlinked at
  // once). Throws std::system_error when the directory cannot hold one.
  static FileHandle anonymous_in(const std::filesystem::path& directory);
  // An existing regular file, opened for reading; nothing when it is not there.
  static std::optional<FileHandle> open_for_reading(const std::filesystem::path& path);

  FileHandle(FileHandle&& other) noexcept;
  FileHandle& operator=(FileHandle&& other) noexcept;
  FileHandle(const FileHandle&) = delete;
  FileHandle& operator=(const FileHandle&) = delete;
  ~FileHandle();

  int fd() const { return fd_; }
  std::uint64_t size() const;
  // Up to `length` bytes at `offset`: fewer at the end of the file. Throws std::system_error.
  std::string read_at(std::uint64_t offset, std::size_t length) const;
  // Writes all of `bytes` at the end of the file. Throws std::system_error.
  void append(std::string_view bytes);

 private:
  explicit FileHandle(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace lox
