#include "fixture_file.hpp"

#include <loxodon/media/image_processor.hpp>
#include <loxodon/media/media_kind.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace lox::media {
namespace {

std::string fixture(const std::string& name) { return testing::fixture_file("media/" + name); }

TEST(ImageProcessor, StripsExifAndGpsAndKeepsThePicture) {
  std::string input = fixture("gps.jpg");
  ASSERT_NE(input.find("Exif"), std::string::npos);  // the fixture really carries EXIF
  auto out = process_image(input);
  EXPECT_EQ(out.original.mime, "image/jpeg");
  EXPECT_EQ(out.original.width, 64);
  EXPECT_EQ(out.original.height, 48);
  EXPECT_EQ(out.original.bytes.find("Exif"), std::string::npos);
  EXPECT_EQ(out.original.bytes.find("TestCam"), std::string::npos);
  EXPECT_EQ(out.small.bytes.find("Exif"), std::string::npos);
  EXPECT_EQ(sniff_media(out.original.bytes)->mime, "image/jpeg");
  EXPECT_EQ(out.blurhash.size(), 36u);  // 4 × 4 components
}

TEST(ImageProcessor, AppliesTheExifOrientation) {
  auto out = process_image(fixture("rotated.jpg"));
  EXPECT_EQ(out.original.width, 20);
  EXPECT_EQ(out.original.height, 40);
}

TEST(ImageProcessor, KeepsTransparencyAsPng) {
  auto out = process_image(fixture("alpha.png"));
  EXPECT_EQ(out.original.mime, "image/png");
  EXPECT_EQ(out.small.mime, "image/png");
  EXPECT_FALSE(out.blurhash.empty());
}

TEST(ImageProcessor, ScalesDownToTheLimits) {
  ImageLimits limits;
  limits.max_original_pixels = 32 * 24;
  limits.small_pixels = 16 * 12;
  auto out = process_image(fixture("gps.jpg"), limits);
  EXPECT_EQ(out.original.width, 32);
  EXPECT_EQ(out.original.height, 24);
  EXPECT_EQ(out.small.width, 16);
  EXPECT_EQ(out.small.height, 12);
}

TEST(ImageProcessor, KeepsAnimatedGifsAsUploadedWithAStillPreview) {
  std::string input = fixture("animated.gif");
  auto out = process_image(input);
  EXPECT_TRUE(out.animated);
  EXPECT_EQ(out.original.bytes, input);
  EXPECT_EQ(out.original.width, 16);
  EXPECT_NE(out.small.mime, "image/gif");
}

TEST(ImageProcessor, StopsProcessingThatTakesTooLong) {
  // A real limit is seconds; one millisecond is enough to stop a 12-megapixel decode midway.
  ImageLimits limits;
  limits.max_processing_time = std::chrono::milliseconds(1);
  try {
    process_image(fixture("large_flat.png"), limits);
    FAIL() << "processing finished despite the deadline";
  } catch (const MediaError& e) {
    EXPECT_STREQ(e.what(), "Image processing took too long (limit 1 ms)");
  }
  // The same file within the default limit is processed (scaled to 3840×2160 pixels' worth).
  auto out = process_image(fixture("large_flat.png"));
  EXPECT_EQ(out.original.width, 3325);
  EXPECT_EQ(out.original.height, 2494);
}

TEST(ImageProcessor, RefusesBombsAndBrokenFilesWithoutCrashing) {
  EXPECT_THROW(process_image(fixture("bomb.png")), MediaError);
  EXPECT_THROW(process_image("not an image at all"), MediaError);
  EXPECT_THROW(process_image(""), MediaError);
  // A truncated JPEG either fails cleanly or yields a whole (grey-filled) picture.
  try {
    auto out = process_image(fixture("truncated.jpg"));
    EXPECT_EQ(out.original.width, 64);
  } catch (const MediaError&) {
  }
}

// libvips would recognise these by their bytes and decode them with other parsers (librsvg,
// its PPM and CSV readers); only the loaders of the formats uploads may be are allowed.
TEST(ImageProcessor, OnlyTheLoadersOfUploadFormatsRun) {
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\">"
      "<rect width=\"8\" height=\"8\" fill=\"red\"/></svg>";
  const std::string ppm = std::string("P6\n2 2\n255\n") + std::string(12, '\x7f');
  const std::string pfm = std::string("Pf\n1 1\n-1.0\n") + std::string(4, '\0');
  for (const std::string* bytes : {&svg, &ppm, &pfm}) {
    EXPECT_THROW(process_image(*bytes), MediaError) << bytes->substr(0, 8);
    EXPECT_THROW(crop_image(*bytes, 4, 4), MediaError) << bytes->substr(0, 8);
  }
  EXPECT_NO_THROW(process_image(fixture("alpha.png")));
}

}  // namespace
}  // namespace lox::media
