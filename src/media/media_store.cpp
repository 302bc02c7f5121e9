#include <loxodon/media/media_store.hpp>

namespace lox::media {

bool MediaStore::valid_key(std::string_view key) {
  if (key.empty() || key.size() > 200) return false;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t slash = key.find('/', start);
    std::string_view part =
        key.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    for (char c : part) {
      bool ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
      if (!ok) return false;
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

void MediaStore::put_from(const std::string& key, const ByteSource& bytes) {
  put(key, bytes.to_string());
}

std::optional<MediaFileInfo> MediaStore::stat(const std::string& key) const {
  auto bytes = read(key);
  if (!bytes) return std::nullopt;
  return MediaFileInfo{bytes->size(), {}};
}

std::optional<ByteSource> MediaStore::open(const std::string& key) const {
  auto bytes = read(key);
  if (!bytes) return std::nullopt;
  return ByteSource(std::move(*bytes));
}

std::optional<ByteSource> MediaStore::open_part(const std::string& key, std::uint64_t offset,
                                                std::uint64_t length) const {
  auto whole = open(key);
  if (!whole) return std::nullopt;
  return whole->slice(offset, length);
}

}  // namespace lox::media
