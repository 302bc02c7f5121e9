// Video and audio headers read without decoding, checked against what ffprobe reports for the
// same files (tests/fixtures/media/README.md).
#include "fixture_file.hpp"

#include <loxodon/media/timed_media_meta.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace lox::media {
namespace {

std::string fixture(const std::string& name) { return testing::fixture_file("media/" + name); }

TEST(TimedMediaMeta, VideoWithAudio) {
  auto meta = read_iso_media_meta(fixture("clip.mp4"));
  ASSERT_TRUE(meta);
  EXPECT_TRUE(meta->has_video);
  EXPECT_TRUE(meta->has_audio);
  EXPECT_EQ(meta->width, 64);
  EXPECT_EQ(meta->height, 48);
  EXPECT_NEAR(meta->duration, 2.0, 0.05);
  EXPECT_NEAR(meta->frame_rate, 25.0, 0.01);
}

TEST(TimedMediaMeta, QuarterTurnIsShownUpright) {
  auto meta = read_iso_media_meta(fixture("rotated.mov"));
  ASSERT_TRUE(meta);
  EXPECT_EQ(meta->width, 30);
  EXPECT_EQ(meta->height, 40);
  EXPECT_NEAR(meta->frame_rate, 10.0, 0.01);
  EXPECT_FALSE(meta->has_audio);
}

TEST(TimedMediaMeta, AudioOnly) {
  auto meta = read_iso_media_meta(fixture("tone.m4a"));
  ASSERT_TRUE(meta);
  EXPECT_FALSE(meta->has_video);
  EXPECT_TRUE(meta->has_audio);
  EXPECT_NEAR(meta->duration, 3.0, 0.05);
}

TEST(TimedMediaMeta, BrokenOrForeignFilesGiveNothing) {
  std::string clip = fixture("clip.mp4");
  EXPECT_FALSE(read_iso_media_meta(""));
  EXPECT_FALSE(read_iso_media_meta(fixture("gps.jpg")));
  // Every truncation of the file either yields nothing or stays within its bytes.
  for (std::size_t n = 0; n < clip.size(); n += 97) {
    auto meta = read_iso_media_meta(std::string_view(clip).substr(0, n));
    if (meta) {
      EXPECT_LE(meta->width, 64);
    }
  }
  // A box claiming to be larger than the file.
  std::string lying("\x7f\xff\xff\xffmoov", 8);
  EXPECT_FALSE(read_iso_media_meta(lying));
  // A 64-bit size smaller than its own header.
  std::string tiny("\x00\x00\x00\x01moov\x00\x00\x00\x00\x00\x00\x00\x04", 16);
  EXPECT_FALSE(read_iso_media_meta(tiny));
}

}  // namespace
}  // namespace lox::media
