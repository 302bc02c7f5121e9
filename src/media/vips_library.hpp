#pragma once
// libvips, opened when the first image is processed (media/image_processor.cpp is its only user).
//
// libvips brings some fifty shared libraries along (its loaders' librsvg, OpenEXR, HDF5, poppler
// dependencies, pixman, GLib…): about 12 MB of resident pages in every process that maps them,
// most of which never decode an image (an idle node, a replica serving timelines). So the
// executable does not link libvips: libvips.so.42 is dlopen'ed on first use and called through
// this table. Only its headers are used at build time, and each pointer has the type of the
// header's own prototype (decltype), the variadic operations included, so every call is checked
// against the declaration as a direct call would be.

#include <vips/vips.h>

namespace lox::media {

// X(member, C function): every libvips, GObject and GLib function the image processor calls.
// The members do not repeat the C names: a function-like macro of the same name in a header
// (GLib defines some over its own functions) would expand `api.name(…)`.
#define LOX_VIPS_FUNCTIONS(X)                          \
  X(version, vips_version)                             \
  X(init, vips_init)                                   \
  X(cache_set_max, vips_cache_set_max)                 \
  X(concurrency_set, vips_concurrency_set)             \
  X(block_untrusted_set, vips_block_untrusted_set)     \
  X(operation_block_set, vips_operation_block_set)     \
  X(error_clear, vips_error_clear)                     \
  X(image_new_from_buffer, vips_image_new_from_buffer) \
  X(image_get_width, vips_image_get_width)             \
  X(image_get_height, vips_image_get_height)           \
  X(image_get_bands, vips_image_get_bands)             \
  X(image_hasalpha, vips_image_hasalpha)               \
  X(image_get_typeof, vips_image_get_typeof)           \
  X(image_get_int, vips_image_get_int)                 \
  X(image_copy_memory, vips_image_copy_memory)         \
  X(image_write_to_memory, vips_image_write_to_memory) \
  X(image_set_progress, vips_image_set_progress)       \
  X(image_set_kill, vips_image_set_kill)               \
  X(thumbnail_buffer, vips_thumbnail_buffer)           \
  X(thumbnail_image, vips_thumbnail_image)             \
  X(colourspace, vips_colourspace)                     \
  X(flatten, vips_flatten)                             \
  X(extract_band, vips_extract_band)                   \
  X(cast, vips_cast)                                   \
  X(jpegsave_buffer, vips_jpegsave_buffer)             \
  X(pngsave_buffer, vips_pngsave_buffer)               \
  X(array_double_new, vips_array_double_new)           \
  X(area_unref, vips_area_unref)                       \
  X(object_unref, g_object_unref)                      \
  X(signal_connect_data, g_signal_connect_data)        \
  X(free, g_free)

struct VipsApi {
#define LOX_VIPS_MEMBER(member, function) decltype(&::function) member = nullptr;
  LOX_VIPS_FUNCTIONS(LOX_VIPS_MEMBER)
#undef LOX_VIPS_MEMBER
};

class VipsLibrary {
 public:
  // The table, libvips.so.42 loaded by the first call (thread-safe; the library then stays for
  // the life of the process). Throws MediaError ("libvips could not be loaded: <dlerror>") from
  // that call and every later one when the library or one of its functions cannot be found.
  static const VipsApi& api();
};

}  // namespace lox::media
