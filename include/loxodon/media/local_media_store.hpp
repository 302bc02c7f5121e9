#pragma once

#include <loxodon/media/media_store.hpp>

#include <filesystem>
#include <functional>
#include <ostream>

namespace lox::media {

// Media files under one directory (LOXODON_MEDIA_DIR), written to a temporary name and renamed
// into place so a crash never leaves half a file under a real key.
class LocalMediaStore : public MediaStore {
 public:
  explicit LocalMediaStore(std::filesystem::path root);

  void put(const std::string& key, std::string_view bytes) override;
  void put_from(const std::string& key, const ByteSource& bytes) override;
  std::optional<std::string> read(const std::string& key) const override;
  void remove(const std::string& key) override;
  std::optional<MediaFileInfo> stat(const std::string& key) const override;
  std::optional<ByteSource> open(const std::string& key) const override;

 private:
  std::filesystem::path path_of(const std::string& key) const;
  // Writes a file under a temporary name with `write` and renames it to `key`'s path.
  void write_atomically(const std::string& key, const std::function<void(std::ostream&)>& write);

  std::filesystem::path root_;
};

}  // namespace lox::media
