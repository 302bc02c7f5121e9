#include <loxodon/media/media_kind.hpp>

#include <gtest/gtest.h>

namespace lox::media {
namespace {

using namespace std::string_view_literals;

TEST(SniffMedia, RecognisesTheBytesNotTheName) {
  auto expect = [](std::string_view bytes, MediaKind kind, const char* mime) {
    auto sniffed = sniff_media(bytes);
    ASSERT_TRUE(sniffed.has_value()) << mime;
    EXPECT_EQ(sniffed->kind, kind);
    EXPECT_EQ(sniffed->mime, mime);
  };
  expect("\xFF\xD8\xFF\xE0\x00\x10JFIF"sv, MediaKind::kImage, "image/jpeg");
  expect("\x89PNG\r\n\x1A\n\x00\x00"sv, MediaKind::kImage, "image/png");
  expect("GIF89a\x01\x00"sv, MediaKind::kImage, "image/gif");
  expect("RIFF\x10\x00\x00\x00WEBPVP8 "sv, MediaKind::kImage, "image/webp");
  expect(
      "\x00\x00\x00\x1C"
      "ftypavif"sv,
      MediaKind::kImage, "image/avif");
  expect(
      "\x00\x00\x00\x18"
      "ftypisom"sv,
      MediaKind::kVideo, "video/mp4");
  expect(
      "\x00\x00\x00\x14"
      "ftypqt  "sv,
      MediaKind::kVideo, "video/quicktime");
  expect("\x1A\x45\xDF\xA3\x9F"sv, MediaKind::kVideo, "video/webm");
  expect("OggS\x00\x02"sv, MediaKind::kAudio, "audio/ogg");
  expect("ID3\x04\x00"sv, MediaKind::kAudio, "audio/mpeg");
  expect("RIFF\x24\x00\x00\x00WAVEfmt "sv, MediaKind::kAudio, "audio/wave");
}

TEST(SniffMedia, RefusesWhatABrowserCouldRunAndEverythingUnknown) {
  for (std::string_view bytes :
       {"<!DOCTYPE html><script>alert(1)</script>"sv, "<svg xmlns='http://www.w3.org/2000/svg'>"sv,
        "<?xml version='1.0'?><svg/>"sv, "%PDF-1.7"sv, "PK\x03\x04"sv, "#!/bin/sh"sv, ""sv,
        "\xFF\xD8"sv /* too short for JPEG */, "GIF8"sv}) {
    EXPECT_FALSE(sniff_media(bytes).has_value()) << bytes;
  }
}

}  // namespace
}  // namespace lox::media
