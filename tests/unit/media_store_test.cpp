#include <loxodon/media/local_media_store.hpp>
#include <loxodon/util/crypto.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace lox::media {
namespace {

class LocalMediaStoreTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::filesystem::path root_ =
      std::filesystem::temp_directory_path() / ("loxodon-media-test-" + random_hex(6));
  LocalMediaStore store_{root_};
};

TEST_F(LocalMediaStoreTest, StoresReadsAndRemovesByKey) {
  store_.put("ab/cd/0123456789abcdef/original.jpg", "jpeg bytes");
  EXPECT_EQ(store_.read("ab/cd/0123456789abcdef/original.jpg"), "jpeg bytes");
  store_.put("ab/cd/0123456789abcdef/original.jpg", "replaced");
  EXPECT_EQ(store_.read("ab/cd/0123456789abcdef/original.jpg"), "replaced");
  EXPECT_FALSE(store_.read("ab/cd/0123456789abcdef/small.jpg").has_value());
  store_.remove("ab/cd/0123456789abcdef/original.jpg");
  EXPECT_FALSE(store_.read("ab/cd/0123456789abcdef/original.jpg").has_value());
  EXPECT_FALSE(std::filesystem::exists(root_ / "ab"));  // empty directories go too
  // No temporary files are left behind.
  store_.put("x/y.png", "png");
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root_))
    files += entry.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1);
}

TEST_F(LocalMediaStoreTest, StoresAPartOfAFileABlockAtATime) {
  auto file = std::make_shared<FileHandle>(FileHandle::anonymous_in(root_.parent_path()));
  std::string upload(700 * 1024, 'u');
  upload.back() = 'z';
  file->append("multipart head\r\n\r\n" + upload + "\r\n--end--");
  store_.put_from("ab/cd/0123456789abcdef/upload", ByteSource(file, 18, upload.size()));
  EXPECT_EQ(store_.read("ab/cd/0123456789abcdef/upload"), upload);
}

TEST_F(LocalMediaStoreTest, RefusesKeysThatCouldLeaveTheDirectory) {
  for (const char* key : {"../etc/passwd", "ab/../../x", "/etc/passwd", "ab//cd", "", "AB/c.jpg",
                          "ab/./c", "a b", "ab/c.jpg/", "ab\\c"}) {
    EXPECT_FALSE(MediaStore::valid_key(key)) << key;
    EXPECT_FALSE(store_.read(key).has_value()) << key;
    EXPECT_THROW(store_.put(key, "x"), std::invalid_argument) << key;
  }
  EXPECT_TRUE(MediaStore::valid_key("ab/cd/0123456789abcdef/original.jpg"));
}

TEST_F(LocalMediaStoreTest, SizeTimeAndPartsWithoutReadingTheWholeFile) {
  const std::string key = "ab/cd/0123456789abcdef/original.jpg";
  store_.put(key, "0123456789");
  auto info = store_.stat(key);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->size, 10u);
  EXPECT_LE(std::chrono::system_clock::now() - info->modified, std::chrono::minutes(1));
  auto file = store_.open(key);
  ASSERT_TRUE(file);
  EXPECT_TRUE(file->in_file());  // opened, not read
  EXPECT_EQ(file->read(2, 3), "234");
  EXPECT_EQ(file->read(8, 10), "89");  // cut at the end
  EXPECT_FALSE(store_.stat("ab/cd/0123456789abcdef/none.jpg"));
  EXPECT_FALSE(store_.stat("../etc/passwd"));
  EXPECT_FALSE(store_.open("../etc/passwd"));
  EXPECT_FALSE(store_.open("ab/cd/0123456789abcdef/none.jpg"));
  EXPECT_FALSE(store_.stat("ab/cd"));  // a directory is no file
}

}  // namespace
}  // namespace lox::media
