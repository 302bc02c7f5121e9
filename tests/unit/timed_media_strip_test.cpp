// Location and device metadata leave video and audio files in place: nothing moves, so the
// media data and every chunk offset stay valid.
#include "fixture_file.hpp"

#include <loxodon/media/timed_media_meta.hpp>
#include <loxodon/media/timed_media_strip.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace lox::media {
namespace {

std::string fixture(const std::string& name) { return testing::fixture_file("media/" + name); }

std::string box(const std::string& type, const std::string& body) {
  std::string size(4, '\0');
  std::uint32_t n = static_cast<std::uint32_t>(body.size() + 8);
  for (int i = 3; i >= 0; --i, n >>= 8) size[static_cast<std::size_t>(i)] = static_cast<char>(n);
  return size + type + body;
}

TEST(TimedMediaStrip, IsoBoxesOfMetadataBecomeFreeSpaceOfTheSameSize) {
  std::string gps = "+40.6892-074.0445/";
  std::string file = box("ftyp", "isom") +
                     box("moov", box("mvhd", std::string(100, '\1')) +
                                     box("trak", box("udta", box("\xa9xyz", gps))) +
                                     box("udta", box("\xa9mak", "Google")) +
                                     box("meta", "com.apple.quicktime.location.ISO6709")) +
                     box("uuid", "XMP packet with GPS") + box("mdat", "frames");
  std::string out = without_timed_media_metadata(file);
  ASSERT_EQ(out.size(), file.size());
  EXPECT_EQ(out.find(gps), std::string::npos);
  EXPECT_EQ(out.find("Google"), std::string::npos);
  EXPECT_EQ(out.find("ISO6709"), std::string::npos);
  EXPECT_EQ(out.find("XMP"), std::string::npos);
  EXPECT_NE(out.find(box("mdat", "frames")), std::string::npos);
  EXPECT_NE(out.find(std::string(100, '\1')), std::string::npos);  // mvhd untouched
  // A real file still reads as the same video.
  auto clip = fixture("clip.mp4");
  auto before = read_iso_media_meta(clip);
  auto after = read_iso_media_meta(without_timed_media_metadata(clip));
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->duration, after->duration);
  EXPECT_EQ(before->width, after->width);
}

TEST(TimedMediaStrip, BrokenBoxesLeaveTheRestAlone) {
  std::string file = box("ftyp", "isom") + std::string("\xff\xff\xff\xffudta", 8) + "data";
  EXPECT_EQ(without_timed_media_metadata(file), file);
  std::string nested = box("ftyp", "isom") + box("moov", std::string("\0\0\0\x07udta", 8));
  EXPECT_EQ(without_timed_media_metadata(nested), nested);
}

TEST(TimedMediaStrip, Mp3TagsAndFlacCommentsGo) {
  std::string id3 = std::string("ID3\x04\x00\x00\x00\x00\x00\x05", 10) + "GPS!!";
  std::string frames = "\xff\xfb\x90\x00 audio";
  std::string v1 = "TAG" + std::string(125, 'x');
  EXPECT_EQ(without_timed_media_metadata(id3 + frames + v1), frames);
  std::string flac = std::string("fLaC") + std::string("\x00\x00\x00\x02", 4) + "si" +
                     std::string("\x84\x00\x00\x05", 4) + "Pixel" + "frames";
  std::string out = without_timed_media_metadata(flac);
  ASSERT_EQ(out.size(), flac.size());
  EXPECT_EQ(out.find("Pixel"), std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>(out[10]), 0x81);  // padding, still the last block
}

}  // namespace
}  // namespace lox::media
