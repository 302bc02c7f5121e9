#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lox::media {

// An upload that is not a usable image (corrupt, too large in pixels, an unsupported format).
class MediaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImageLimits {
  // Refused before decoding, so a small file claiming huge dimensions (a decompression bomb)
  // costs nothing: 8K UHD.
  std::int64_t max_input_pixels = 7680LL * 4320;
  // The stored original is scaled down to at most this many pixels (Mastodon: 3840 × 2160).
  std::int64_t max_original_pixels = 3840LL * 2160;
  // The small variant (Mastodon: 480 × 480).
  std::int64_t small_pixels = 480LL * 480;
  // Decoding and scaling stop after this long: a file within the pixel limit can still be
  // crafted to be slow (many progressive scans, huge compressed chunks).
  std::chrono::milliseconds max_processing_time{30000};
};

struct ImageVariant {
  std::string bytes;
  std::string mime;
  std::string extension;
  int width = 0;
  int height = 0;
};

struct ProcessedImage {
  ImageVariant original;
  ImageVariant small;
  std::string blurhash;
  bool animated = false;  // an animated GIF, kept as uploaded
};

// Decodes an image with libvips, applies its EXIF orientation, scales it within the limits and
// re-encodes it with every piece of metadata stripped (EXIF, GPS, XMP, ICC comments): JPEG
// when opaque, PNG when it has transparency. Animated GIFs are kept byte for byte (GIF carries
// no EXIF) with a still small variant. Runs on a blocking thread; throws MediaError.
ProcessedImage process_image(std::string_view bytes, const ImageLimits& limits = {});

// An avatar or header: the picture scaled to cover `width` × `height` and its centre cropped to
// exactly that size (as Mastodon's "400x400#"), orientation applied, metadata stripped;
// animated GIFs keep their first frame. Throws MediaError.
ImageVariant crop_image(std::string_view bytes, int width, int height,
                        const ImageLimits& limits = {});

}  // namespace lox::media
