#include <loxodon/media/blurhash.hpp>

#include <gtest/gtest.h>

#include <vector>

namespace lox::media {
namespace {

// Expected hashes computed by the reference encoder (woltapp/blurhash's C implementation, as
// packaged by Debian in python3-blurhash 1.1.4) from the same pixels saved as PNG.
TEST(Blurhash, MatchesTheReferenceEncoder) {
  const std::vector<std::uint8_t> pixels = {
      255, 0,  0,  0,   255, 0,   0,   0,   255, 255, 255, 255,  // row 0
      0,   0,  0,  128, 128, 128, 255, 255, 0,   0,   255, 255,  // row 1
      10,  20, 30, 200, 100, 50,  60,  70,  80,  255, 0,   255,  // row 2
  };
  EXPECT_EQ(blurhash_encode(pixels.data(), 4, 3, 12, 4, 3), "L~JkQ5n1Z$=$?[v}vz-Cx]s+-M;7");
  EXPECT_EQ(blurhash_encode(pixels.data(), 4, 3, 12, 4, 4), "U~JkQ5n1Z$=$?[v}vz-Cx]s+-M;7[|Xd=:[L");

  std::vector<std::uint8_t> gradient;
  for (int y = 0; y < 24; ++y) {
    for (int x = 0; x < 32; ++x) {
      gradient.push_back(static_cast<std::uint8_t>(x * 8));
      gradient.push_back(static_cast<std::uint8_t>(y * 10));
      gradient.push_back(static_cast<std::uint8_t>((x * y) % 256));
    }
  }
  EXPECT_EQ(blurhash_encode(gradient.data(), 32, 24, 96, 4, 4),
            "UxH27h2lwtX3mAWUjwfAgFfmfTfin$WsjsfN");
  EXPECT_EQ(blurhash_encode(gradient.data(), 32, 24, 96, 1, 1), "00H27h");
}

TEST(Blurhash, RefusesInvalidArguments) {
  std::vector<std::uint8_t> pixel = {1, 2, 3};
  EXPECT_EQ(blurhash_encode(pixel.data(), 1, 1, 3, 0, 4), "");
  EXPECT_EQ(blurhash_encode(pixel.data(), 1, 1, 3, 4, 10), "");
  EXPECT_EQ(blurhash_encode(pixel.data(), 0, 1, 3, 4, 4), "");
  EXPECT_EQ(blurhash_encode(nullptr, 1, 1, 3, 4, 4), "");
}

}  // namespace
}  // namespace lox::media
