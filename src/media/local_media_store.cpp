#include <loxodon/media/local_media_store.hpp>
#include <loxodon/util/crypto.hpp>

#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace lox::media {

LocalMediaStore::LocalMediaStore(std::filesystem::path root) : root_(std::move(root)) {}

std::filesystem::path LocalMediaStore::path_of(const std::string& key) const {
  if (!valid_key(key)) throw std::invalid_argument("invalid media key");
  return root_ / key;
}

void LocalMediaStore::put(const std::string& key, std::string_view bytes) {
  write_atomically(key, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

void LocalMediaStore::put_from(const std::string& key, const ByteSource& bytes) {
  constexpr std::size_t kBlock = 256 * 1024;
  write_atomically(key, [&](std::ostream& out) {
    bytes.for_each_chunk(kBlock, [&](std::string_view block) {
      out.write(block.data(), static_cast<std::streamsize>(block.size()));
    });
  });
}

void LocalMediaStore::write_atomically(const std::string& key,
                                       const std::function<void(std::ostream&)>& write) {
  auto path = path_of(key);
  std::filesystem::create_directories(path.parent_path());
  auto temporary = path;
  temporary += ".tmp-" + random_hex(8);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    bool written = false;
    try {
      write(out);
      out.flush();
      written = static_cast<bool>(out);
    } catch (...) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw;
    }
    if (!written) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw std::runtime_error("could not write media file " + path.string());
    }
  }
  std::filesystem::rename(temporary, path);
}

std::optional<std::string> LocalMediaStore::read(const std::string& key) const {
  if (!valid_key(key)) return std::nullopt;
  std::ifstream in(path_of(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::optional<MediaFileInfo> LocalMediaStore::stat(const std::string& key) const {
  if (!valid_key(key)) return std::nullopt;
  struct ::stat st {};
  if (::stat(path_of(key).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  MediaFileInfo info;
  info.size = static_cast<std::uint64_t>(st.st_size);
  info.modified = std::chrono::system_clock::time_point(std::chrono::seconds(st.st_mtim.tv_sec));
  return info;
}

std::optional<ByteSource> LocalMediaStore::open(const std::string& key) const {
  if (!valid_key(key)) return std::nullopt;
  auto file = FileHandle::open_for_reading(path_of(key));
  if (!file) return std::nullopt;
  return ByteSource::whole_file(std::make_shared<const FileHandle>(std::move(*file)));
}

void LocalMediaStore::remove(const std::string& key) {
  if (!valid_key(key)) return;
  std::error_code ignored;
  auto path = path_of(key);
  std::filesystem::remove(path, ignored);
  // Empty directories left behind go too (the key's own directory, then its parents).
  for (auto dir = path.parent_path(); dir != root_ && dir.has_parent_path();
       dir = dir.parent_path()) {
    if (!std::filesystem::is_empty(dir, ignored) || ignored) break;
    std::filesystem::remove(dir, ignored);
  }
}

}  // namespace lox::media
