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

// RFC 3533's page checksum, written again here so the test does not trust the code it checks.
bool ogg_pages_check(const std::string& b, std::size_t* pages) {
  std::size_t at = 0;
  *pages = 0;
  while (at + 27 <= b.size()) {
    if (b.compare(at, 4, "OggS") != 0) return false;
    std::size_t segments = static_cast<unsigned char>(b[at + 26]);
    std::size_t length = 27 + segments;
    for (std::size_t i = 0; i < segments; ++i) length += static_cast<unsigned char>(b[at + 27 + i]);
    std::string page = b.substr(at, length);
    std::uint32_t stored = 0;
    for (int i = 3; i >= 0; --i) stored = (stored << 8) | static_cast<unsigned char>(page[22 + i]);
    page.replace(22, 4, 4, '\0');
    std::uint32_t crc = 0;
    for (unsigned char c : page) {
      crc ^= static_cast<std::uint32_t>(c) << 24;
      for (int k = 0; k < 8; ++k) crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
    }
    if (crc != stored) return false;
    at += length;
    ++*pages;
  }
  return at == b.size();
}

TEST(TimedMediaStrip, OggCommentsAreBlankedAndEveryPageStillChecksOut) {
  for (const char* name : {"voice.ogg", "voice.opus"}) {
    std::string file = fixture(name);
    std::size_t pages = 0;
    ASSERT_TRUE(ogg_pages_check(file, &pages)) << name;
    ASSERT_NE(file.find("LOCATION=+52.3676+004.9041/"), std::string::npos) << name;
    std::string out = without_timed_media_metadata(file);
    ASSERT_EQ(out.size(), file.size()) << name;
    for (const char* gone : {"+52.3676", "Pixel 8 Pro", "At home", "LOCATION"}) {
      EXPECT_EQ(out.find(gone), std::string::npos) << name << ": " << gone;
    }
    std::size_t pages_after = 0;
    EXPECT_TRUE(ogg_pages_check(out, &pages_after)) << name;
    EXPECT_EQ(pages_after, pages) << name;
    // The encoder's vendor string stays, and the audio pages after the headers are untouched.
    EXPECT_TRUE(out.find("libVorbis") != std::string::npos ||
                out.find("libopus") != std::string::npos)
        << name;
    EXPECT_EQ(out.substr(out.size() / 2), file.substr(file.size() / 2)) << name;
  }
}

TEST(TimedMediaStrip, WebmTagsTitleAndDateBecomeVoidAndTheClustersStay) {
  std::string file = fixture("voice.webm");
  ASSERT_NE(file.find("RECORDING_LOCATION"), std::string::npos);
  std::string out = without_timed_media_metadata(file);
  ASSERT_EQ(out.size(), file.size());
  for (const char* gone : {"RECORDING_LOCATION", "+52.3676", "Pixel 8 Pro", "At home"}) {
    EXPECT_EQ(out.find(gone), std::string::npos) << gone;
  }
  // The audio is where it was, byte for byte: from the first Cluster to the Cues.
  auto cluster = file.find("\x1F\x43\xB6\x75");
  auto cues = file.find("\x1C\x53\xBB\x6B", cluster);
  ASSERT_NE(cluster, std::string::npos);
  ASSERT_NE(cues, std::string::npos);
  EXPECT_EQ(out.substr(cluster, cues - cluster), file.substr(cluster, cues - cluster));
  EXPECT_NE(out.find("A_OPUS"), std::string::npos);
  // Cut short anywhere, a file is returned without a crash.
  for (std::size_t cut = 0; cut < file.size(); cut += 97) {
    (void)without_timed_media_metadata(file.substr(0, cut));
  }
  std::string ogg = fixture("voice.ogg");
  for (std::size_t cut = 0; cut < ogg.size(); cut += 61) {
    (void)without_timed_media_metadata(ogg.substr(0, cut));
  }
}

}  // namespace
}  // namespace lox::media
