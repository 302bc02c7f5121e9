#include "media/vips_library.hpp"

#include <loxodon/media/blurhash.hpp>
#include <loxodon/media/image_processor.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <utility>

namespace lox::media {

namespace {

// libvips keeps process-wide state; it is started once, with its operation cache off (each
// upload is decoded once, and a cache would only hold memory) and one worker thread per image,
// since uploads already run on their own blocking threads. Every byte it decodes comes from
// someone else: loaders libvips marks untrusted (ImageMagick, MATLAB, FITS, OpenSlide, …) are
// blocked, and so is every loader but those of the formats uploads may be (sniff_media), so
// libvips's own sniffing cannot hand a crafted buffer to another parser (SVG, PDF, PPM, …).
// The library itself is loaded here, by the first image (media/vips_library.hpp).
const VipsApi& started_libvips() {
  const VipsApi& vips = VipsLibrary::api();
  static std::once_flag started;
  std::call_once(started, [&vips] {
    // VIPS_INIT's check: the library speaks the ABI of the headers this was built with.
    if (vips.version(3) - vips.version(5) != VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE ||
        vips.init("loxodon") != 0) {
      throw MediaError("libvips could not start");
    }
    vips.cache_set_max(0);
    vips.concurrency_set(1);
    vips.block_untrusted_set(TRUE);
    vips.operation_block_set("VipsForeignLoad", TRUE);
    for (const char* allowed :
         {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif", "VipsForeignLoadGif",
          "VipsForeignLoadWebp", "VipsForeignLoadHeif"}) {
      vips.operation_block_set(allowed, FALSE);
    }
  });
  return vips;
}

// A libvips call failed. Its message names internals (loaders, tiles), not what the uploader can
// fix, so it is dropped; the public functions report MediaError instead.
struct VipsFailure : std::exception {};

[[noreturn]] void fail(const VipsApi& vips) {
  vips.error_clear();
  throw VipsFailure();
}

// One reference to a libvips image, dropped when it goes out of scope.
class Image {
 public:
  Image(const VipsApi& vips, VipsImage* image) : vips_(&vips), image_(image) {}
  Image(Image&& other) noexcept
      : vips_(other.vips_), image_(std::exchange(other.image_, nullptr)) {}
  Image& operator=(Image&& other) noexcept {
    std::swap(vips_, other.vips_);
    std::swap(image_, other.image_);
    return *this;
  }
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;
  ~Image() {
    if (image_ != nullptr) vips_->object_unref(image_);
  }

  const VipsApi& vips() const { return *vips_; }
  VipsImage* get() const { return image_; }
  int width() const { return vips_->image_get_width(image_); }
  int height() const { return vips_->image_get_height(image_); }
  int bands() const { return vips_->image_get_bands(image_); }
  bool has_alpha() const { return vips_->image_hasalpha(image_) != FALSE; }

 private:
  const VipsApi* vips_ = nullptr;
  VipsImage* image_ = nullptr;
};

// The image an operation writes to its `out` argument: `call(&out)` returns libvips' status.
template <typename Call>
Image made(const VipsApi& vips, Call call) {
  VipsImage* out = nullptr;
  if (call(&out) != 0) {
    if (out != nullptr) vips.object_unref(out);
    fail(vips);
  }
  return Image(vips, out);
}

// The image computed into memory.
Image copy_memory(const Image& image) {
  Image copy(image.vips(), image.vips().image_copy_memory(image.get()));
  if (copy.get() == nullptr) fail(image.vips());
  return copy;
}

// libvips reads the upload's bytes in place and never writes to them; its buffer loaders take a
// non-const pointer all the same.
void* buffer_of(std::string_view bytes) { return const_cast<char*>(bytes.data()); }

// Metadata off, and for JPEG a quality that keeps photos clean at a sensible size.
ImageVariant encode(const Image& image) {
  const VipsApi& vips = image.vips();
  ImageVariant out;
  out.width = image.width();
  out.height = image.height();
  void* buffer = nullptr;
  std::size_t length = 0;
  int status = 0;
  if (image.has_alpha()) {
    status = vips.pngsave_buffer(image.get(), &buffer, &length, "strip", TRUE, nullptr);
    out.mime = "image/png";
    out.extension = "png";
  } else {
    status = vips.jpegsave_buffer(image.get(), &buffer, &length, "strip", TRUE, "Q", 85,
                                  "optimize_coding", TRUE, nullptr);
    out.mime = "image/jpeg";
    out.extension = "jpg";
  }
  if (status != 0) fail(vips);
  std::unique_ptr<void, decltype(&::g_free)> owned(buffer, vips.free);
  out.bytes.assign(static_cast<const char*>(buffer), length);
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
Image thumbnail(const VipsApi& vips, std::string_view bytes, int side) {
  return made(vips, [&](VipsImage** out) {
    return vips.thumbnail_buffer(buffer_of(bytes), bytes.size(), out, side, "height", side, "size",
                                 VIPS_SIZE_DOWN, nullptr);
  });
}

// `image` within a square of `side`.
Image thumbnail_of(const Image& image, int side) {
  return made(image.vips(), [&](VipsImage** out) {
    return image.vips().thumbnail_image(image.get(), out, side, "height", side, nullptr);
  });
}

std::string blurhash_of(const Image& image) {
  const VipsApi& vips = image.vips();
  Image tiny = thumbnail_of(image, 64);
  tiny = made(vips, [&](VipsImage** out) {
    return vips.colourspace(tiny.get(), out, VIPS_INTERPRETATION_sRGB, nullptr);
  });
  if (tiny.has_alpha()) {
    tiny = made(vips, [&](VipsImage** out) {
      const double white = 255.0;
      VipsArrayDouble* background = vips.array_double_new(&white, 1);
      int status = vips.flatten(tiny.get(), out, "background", background, nullptr);
      vips.area_unref(VIPS_AREA(background));
      return status;
    });
  }
  if (tiny.bands() > 3) {
    tiny = made(vips, [&](VipsImage** out) {
      return vips.extract_band(tiny.get(), out, 0, "n", 3, nullptr);
    });
  }
  tiny = made(vips, [&](VipsImage** out) {
    return vips.cast(tiny.get(), out, VIPS_FORMAT_UCHAR, nullptr);
  });
  std::size_t size = 0;
  std::unique_ptr<void, decltype(&::g_free)> pixels(vips.image_write_to_memory(tiny.get(), &size),
                                                    vips.free);
  if (pixels == nullptr) fail(vips);
  if (size < static_cast<std::size_t>(tiny.width()) * tiny.height() * 3) return "";
  return blurhash_encode(static_cast<const std::uint8_t*>(pixels.get()), tiny.width(),
                         tiny.height(), static_cast<std::size_t>(tiny.width()) * 3, 4, 4);
}

// Stops libvips once an image has taken longer than the limit: the "eval" signal fires as the
// pipeline computes, and a killed image makes the computation fail.
class Deadline {
 public:
  Deadline(const Image& image, std::chrono::milliseconds limit)
      : vips_(&image.vips()), at_(std::chrono::steady_clock::now() + limit), limit_(limit) {
    vips_->image_set_progress(image.get(), TRUE);
    // g_signal_connect, which is a macro over g_signal_connect_data.
    vips_->signal_connect_data(image.get(), "eval", G_CALLBACK(&Deadline::on_eval), this, nullptr,
                               static_cast<GConnectFlags>(0));
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
      d->vips_->image_set_kill(image, TRUE);
    }
  }

  const VipsApi* vips_;
  std::chrono::steady_clock::time_point at_;
  std::chrono::milliseconds limit_;
  bool expired_ = false;
};

// `image` computed into memory while `deadline` watches it.
Image copy_memory_within(const Image& image, const Deadline& deadline) {
  try {
    return copy_memory(image);
  } catch (const VipsFailure&) {
    deadline.rethrow_if_expired();
    throw;
  }
}

// The header only: dimensions are checked before a single pixel is decoded.
Image checked_header(const VipsApi& vips, std::string_view bytes, const ImageLimits& limits) {
  Image header(vips, vips.image_new_from_buffer(bytes.data(), bytes.size(), "", "access",
                                                VIPS_ACCESS_SEQUENTIAL, nullptr));
  if (header.get() == nullptr) fail(vips);
  const std::int64_t pixels = static_cast<std::int64_t>(header.width()) * header.height();
  if (pixels <= 0 || pixels > limits.max_input_pixels) {
    throw MediaError("Image dimensions are too large (at most " +
                     std::to_string(limits.max_input_pixels) + " pixels)");
  }
  return header;
}

// A GIF of more than one frame, from its header.
bool animated_gif(const Image& header, std::string_view bytes) {
  if (!bytes.starts_with("GIF8") || header.vips().image_get_typeof(header.get(), "n-pages") == 0) {
    return false;
  }
  int pages = 0;
  if (header.vips().image_get_int(header.get(), "n-pages", &pages) != 0) fail(header.vips());
  return pages > 1;
}

}  // namespace

ImageVariant crop_image(std::string_view bytes, int width, int height, const ImageLimits& limits) {
  const VipsApi& vips = started_libvips();
  try {
    checked_header(vips, bytes, limits);
    Image cropped = made(vips, [&](VipsImage** out) {
      return vips.thumbnail_buffer(buffer_of(bytes), bytes.size(), out, width, "height", height,
                                   "crop", VIPS_INTERESTING_CENTRE, nullptr);
    });
    // The deadline watches the output, which libvips may compute in one piece when it is as
    // small as an avatar; the pixel limit above is what bounds this work.
    Deadline deadline(cropped, limits.max_processing_time);
    return encode(copy_memory_within(cropped, deadline));
  } catch (const VipsFailure&) {
    throw MediaError("File could not be processed as an image");
  }
}

ProcessedImage process_image(std::string_view bytes, const ImageLimits& limits) {
  const VipsApi& vips = started_libvips();
  try {
    Image header = checked_header(vips, bytes, limits);
    ProcessedImage out;
    out.animated = animated_gif(header, bytes);

    // Decoded once into memory: the original, the small variant and the blurhash all read it,
    // and the loader reads sequentially. This is where the time goes, so the deadline watches
    // it; what follows works on the in-memory copy.
    Image scaled = thumbnail(
        vips, bytes, fitting_side(header.width(), header.height(), limits.max_original_pixels));
    Deadline deadline(scaled, limits.max_processing_time);
    Image original = copy_memory_within(scaled, deadline);
    if (out.animated) {
      // The first frame's size (the header loads one page).
      out.original = {std::string(bytes), "image/gif", "gif", header.width(), header.height()};
    } else {
      out.original = encode(original);
    }
    Image small = copy_memory(thumbnail_of(
        original, fitting_side(original.width(), original.height(), limits.small_pixels)));
    out.small = encode(small);
    out.blurhash = blurhash_of(small);
    return out;
  } catch (const VipsFailure&) {
    // libvips' own message names internals (loaders, tiles), not what the uploader can fix.
    throw MediaError("File could not be processed as an image");
  }
}

}  // namespace lox::media
