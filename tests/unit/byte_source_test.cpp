#include <loxodon/util/byte_source.hpp>
#include <loxodon/util/file_handle.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace lox {
namespace {

// The same bytes in memory and in an unnamed file, so every case runs on both.
std::vector<ByteSource> both(const std::string& bytes) {
  auto file = std::make_shared<FileHandle>(
      FileHandle::anonymous_in(std::filesystem::temp_directory_path()));
  file->append("header that is not part of it");
  file->append(bytes);
  file->append("trailer");
  return {ByteSource(bytes), ByteSource(file, 29, bytes.size())};
}

TEST(ByteSource, ReadsSlicesAndChunksTheSameFromMemoryAndFromAFile) {
  for (const auto& source : both("0123456789")) {
    EXPECT_EQ(source.size(), 10u);
    EXPECT_EQ(source.read(2, 3), "234");
    EXPECT_EQ(source.read(8, 100), "89");  // cut at its own end, not the file's
    EXPECT_EQ(source.read(10, 1), "");
    EXPECT_EQ(source.to_string(), "0123456789");
    auto part = source.slice(3, 4);
    EXPECT_EQ(part.to_string(), "3456");
    EXPECT_EQ(part.slice(1, 100).to_string(), "456");
    EXPECT_EQ(source.slice(20, 5).size(), 0u);
    std::string chunks;
    source.for_each_chunk(4, [&](std::string_view c) { chunks += std::string(c) + "|"; });
    EXPECT_EQ(chunks, "0123|4567|89|");
  }
}

TEST(ByteSource, FindsAcrossTheBlocksAFileIsScannedIn) {
  // 256 KiB blocks: put a needle across the first seam and one near the end.
  std::string bytes(600 * 1024, 'a');
  const std::string needle = "\r\n--boundary";
  bytes.replace(256 * 1024 - 5, needle.size(), needle);
  bytes.replace(bytes.size() - needle.size(), needle.size(), needle);
  for (const auto& source : both(bytes)) {
    EXPECT_EQ(source.find(needle), 256u * 1024 - 5);
    EXPECT_EQ(source.find(needle, 256 * 1024), bytes.size() - needle.size());
    EXPECT_EQ(source.find("zzz"), ByteSource::npos);
    EXPECT_EQ(source.find(needle, bytes.size()), ByteSource::npos);
    // Nothing past the slice's end is found, even though the file goes on.
    EXPECT_EQ(source.slice(0, 256 * 1024).find(needle), ByteSource::npos);
  }
}

TEST(FileHandle, AnonymousFilesLeaveNothingInTheirDirectory) {
  auto dir = std::filesystem::temp_directory_path() / "loxodon-spool-test";
  std::filesystem::create_directories(dir);
  {
    auto file = FileHandle::anonymous_in(dir);
    file.append("some upload");
    EXPECT_EQ(file.size(), 11u);
    EXPECT_EQ(file.read_at(5, 100), "upload");
    EXPECT_TRUE(std::filesystem::is_empty(dir));
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove(dir);
  EXPECT_THROW(FileHandle::anonymous_in(dir), std::system_error);
  EXPECT_FALSE(FileHandle::open_for_reading(dir / "missing"));
}

}  // namespace
}  // namespace lox
