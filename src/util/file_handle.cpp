#include <loxodon/util/file_handle.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace lox {

namespace {
[[noreturn]] void fail(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}
}  // namespace

FileHandle FileHandle::anonymous_in(const std::filesystem::path& directory) {
  int fd = ::open(directory.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return FileHandle(fd);
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) fail("opening a temporary file");
  // Filesystems without O_TMPFILE: a private name, removed before anyone could use it.
  std::string name = (directory / "loxodon-XXXXXX").string();
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) fail("creating a temporary file");
  ::unlink(name.c_str());
  return FileHandle(fd);
}

std::optional<FileHandle> FileHandle::open_for_reading(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  FileHandle handle(fd);
  struct ::stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return handle;
}

FileHandle::FileHandle(FileHandle&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

FileHandle& FileHandle::operator=(FileHandle&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

FileHandle::~FileHandle() {
  if (fd_ >= 0) ::close(fd_);
}

std::uint64_t FileHandle::size() const {
  struct ::stat st {};
  if (::fstat(fd_, &st) != 0) fail("reading a file's size");
  return static_cast<std::uint64_t>(st.st_size);
}

std::string FileHandle::read_at(std::uint64_t offset, std::size_t length) const {
  std::string out(length, '\0');
  std::size_t done = 0;
  while (done < length) {
    ssize_t n = ::pread(fd_, out.data() + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("reading a file");
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return out;
}

void FileHandle::append(std::string_view bytes) {
  off_t at = ::lseek(fd_, 0, SEEK_END);
  if (at < 0) fail("seeking in a file");
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n =
        ::pwrite(fd_, bytes.data() + done, bytes.size() - done, at + static_cast<off_t>(done));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("writing a file");
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace lox
