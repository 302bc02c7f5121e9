#include <loxodon/media/blurhash.hpp>
#include <loxodon/media/image_processor.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <vips/vips8>

namespace lox::media {

namespace {

using vips::VImage;

// libvips keeps process-wide state; it is started once, with its operation cache off (each
// upload is decoded once, and a cache would only hold memory) and one worker thread per image,
// since uploads already run on their own blocking threads. Every byte it decodes comes from
// someone else: loaders libvips marks untrusted (ImageMagick, MATLAB, FITS, OpenSlide, …) are
// blocked, and so is every loader but those of the formats uploads may be (sniff_media), so
// libvips's own sniffing cannot hand a crafted buffer to another parser (SVG, PDF, PPM, …).
void start_libvips() {
  static std::once_flag started;
  std::call_once(started, [] {
    if (VIPS_INIT("loxodon") != 0) throw MediaError("libvips could not start");
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* allowed :
         {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif", "VipsForeignLoadGif",
          "VipsForeignLoadWebp", "VipsForeignLoadHeif"}) {
      vips_operation_block_set(allowed, FALSE);
    }
  });
}

// Frees a libvips blob when it goes out of scope.
struct BlobDeleter {
  void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};
using Blob = std::unique_ptr<VipsBlob, BlobDeleter>;

std::string blob_bytes(VipsBlob* raw) {
  Blob blob(raw);
  std::size_t length = 0;
  const void* data = vips_blob_get(blob.get(), &length);
  return std::string(static_cast<const char*>(data), length);
}

// Metadata off, and for JPEG a quality that keeps photos clean at a sensible size.
ImageVariant encode(const VImage& image) {
  ImageVariant out;
  out.width = image.width();
  out.height = image.height();
  if (image.has_alpha()) {
    out.bytes = blob_bytes(image.pngsave_buffer(VImage::option()->set("strip", true)));
    out.mime = "image/png";
    out.extension = "png";
  } else {
    out.bytes = blob_bytes(image.jpegsave_buffer(
        VImage::option()->set("strip", true)->set("Q", 85)->set("optimize_coding", true)));
    out.mime = "image/jpeg";
    out.extension = "jpg";
  }
  return out;
}

// The longest side that scales `width` × `height` down to at most `max_pixels`.
int fitting_side(int width, int height, std::int64_t max_pixels) {
  double pixels = static_cast<double>(width) * height;
  double scale = pixels > static_cast<double>(max_pixels)
                     ? std::sqrt(static_cast<double>(max_pixels) / pixels)
                     : 1.0;
  return std::max(1, static_cast<int>(std::floor(std::max(width, height) * scale)));
}

// A thumbnail (orientation applied, shrink-on-load where the format allows) within a square of
// `side`, never enlarged.
VImage thumbnail(std::string_view bytes, int side) {
  Blob blob(vips_blob_new(nullptr, bytes.data(), bytes.size()));
  return VImage::thumbnail_buffer(
      blob.get(), side, VImage::option()->set("height", side)->set("size", VIPS_SIZE_DOWN));
}

std::string blurhash_of(const VImage& image) {
  VImage tiny = image.thumbnail_image(64, VImage::option()->set("height", 64));
  tiny = tiny.colourspace(VIPS_INTERPRETATION_sRGB);
  if (tiny.has_alpha()) tiny = tiny.flatten(VImage::option()->set("background", 255.0));
  if (tiny.bands() > 3) tiny = tiny.extract_band(0, VImage::option()->set("n", 3));
  tiny = tiny.cast(VIPS_FORMAT_UCHAR);
  std::size_t size = 0;
  std::unique_ptr<void, decltype(&g_free)> pixels(tiny.write_to_memory(&size), &g_free);
  if (size < static_cast<std::size_t>(tiny.width()) * tiny.height() * 3) return "";
  return blurhash_encode(static_cast<const std::uint8_t*>(pixels.get()), tiny.width(),
                         tiny.height(), static_cast<std::size_t>(tiny.width()) * 3, 4, 4);
}

// Stops libvips once an image has taken longer than the limit: the "eval" signal fires as the
// pipeline computes, and a killed image makes the computation fail.
class Deadline {
 public:
  Deadline(const VImage& image, std::chrono::milliseconds limit)
      : at_(std::chrono::steady_clock::now() + limit), limit_(limit) {
    vips_image_set_progress(image.get_image(), TRUE);
    g_signal_connect(image.get_image(), "eval", G_CALLBACK(&Deadline::on_eval), this);
  }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  // After a failure: the MediaError to report when the deadline was the cause.
  void rethrow_if_expired() const {
    if (expired_) {
      throw MediaError("Image processing took too long (limit " +
                       (limit_.count() % 1000 == 0 ? std::to_string(limit_.count() / 1000) + " s"
                                                   : std::to_string(limit_.count()) + " ms") +
                       ")");
    }
  }

 private:
  static void on_eval(VipsImage* image, VipsProgress* /*progress*/, void* self) {
    auto* d = static_cast<Deadline*>(self);
    if (std::chrono::steady_clock::now() >= d->at_) {
      d->expired_ = true;
      vips_image_set_kill(image, TRUE);
    }
  }

  std::chrono::steady_clock::time_point at_;
  std::chrono::milliseconds limit_;
  bool expired_ = false;
};

}  // namespace

namespace {
// The header only: dimensions are checked before a single pixel is decoded.
VImage checked_header(std::string_view bytes, const ImageLimits& limits) {
  VImage header = VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                          VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
  const std::int64_t pixels = static_cast<std::int64_t>(header.width()) * header.height();
  if (pixels <= 0 || pixels > limits.max_input_pixels) {
    throw MediaError("Image dimensions are too large (at most " +
                     std::to_string(limits.max_input_pixels) + " pixels)");
  }
  return header;
}
}  // namespace

ImageVariant crop_image(std::string_view bytes, int width, int height, const ImageLimits& limits) {
  start_libvips();
  try {
    checked_header(bytes, limits);
    Blob blob(vips_blob_new(nullptr, bytes.data(), bytes.size()));
    VImage cropped = VImage::thumbnail_buffer(
        blob.get(), width,
        VImage::option()->set("height", height)->set("crop", VIPS_INTERESTING_CENTRE));
    // The deadline watches the output, which libvips may compute in one piece when it is as
    // small as an avatar; the pixel limit above is what bounds this work.
    Deadline deadline(cropped, limits.max_processing_time);
    VImage in_memory;
    try {
      in_memory = cropped.copy_memory();
    } catch (const vips::VError&) {
      deadline.rethrow_if_expired();
      throw;
    }
    return encode(in_memory);
  } catch (const vips::VError&) {
    throw MediaError("File could not be processed as an image");
  }
}

ProcessedImage process_image(std::string_view bytes, const ImageLimits& limits) {
  start_libvips();
  try {
    VImage header = checked_header(bytes, limits);
    ProcessedImage out;
    bool gif = bytes.starts_with("GIF8");
    out.animated = gif && header.get_typeof("n-pages") != 0 && header.get_int("n-pages") > 1;

    // Decoded once into memory: the original, the small variant and the blurhash all read it,
    // and the loader reads sequentially. This is where the time goes, so the deadline watches
    // it; what follows works on the in-memory copy.
    VImage scaled =
        thumbnail(bytes, fitting_side(header.width(), header.height(), limits.max_original_pixels));
    Deadline deadline(scaled, limits.max_processing_time);
    VImage original;
    try {
      original = scaled.copy_memory();
    } catch (const vips::VError&) {
      deadline.rethrow_if_expired();
      throw;
    }
    if (out.animated) {
      // The first frame's size (the header loads one page).
      out.original = {std::string(bytes), "image/gif", "gif", header.width(), header.height()};
    } else {
      out.original = encode(original);
    }
    VImage small =
        original
            .thumbnail_image(
                fitting_side(original.width(), original.height(), limits.small_pixels),
                VImage::option()->set("height", fitting_side(original.width(), original.height(),
                                                             limits.small_pixels)))
            .copy_memory();
    out.small = encode(small);
    out.blurhash = blurhash_of(small);
    return out;
  } catch (const vips::VError&) {
    // libvips' own message names internals (loaders, tiles), not what the uploader can fix.
    throw MediaError("File could not be processed as an image");
  }
}

}  // namespace lox::media
