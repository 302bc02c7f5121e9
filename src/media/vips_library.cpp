#include "media/vips_library.hpp"

#include <loxodon/media/image_processor.hpp>

#include <spdlog/spdlog.h>

#include <dlfcn.h>

#include <string>

namespace lox::media {

namespace {

// The soname of libvips 8.x (Debian's libvips42); its GObject and GLib functions are found
// through it too, since dlsym searches a library's dependencies.
constexpr const char* kLibrary = "libvips.so.42";

struct Loaded {
  VipsApi api;
  std::string error;  // why it could not be loaded; empty when it was
};

std::string last_dl_error() {
  const char* message = dlerror();
  return message != nullptr ? message : "unknown error";
}

template <typename Function>
bool resolve(void* handle, const char* name, Function& out) {
  void* symbol = dlsym(handle, name);
  if (symbol == nullptr) return false;
  out = reinterpret_cast<Function>(symbol);
  return true;
}

// Opened RTLD_LOCAL, so nothing else in the process binds to libvips or its dependencies by
// accident, and never closed: GLib's types and libvips' threads cannot be unloaded.
Loaded load() {
  Loaded out;
  void* handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    out.error = last_dl_error();
    return out;
  }
#define LOX_VIPS_RESOLVE(member, function)           \
  if (!resolve(handle, #function, out.api.member)) { \
    out.error = last_dl_error();                     \
    return out;                                      \
  }
  LOX_VIPS_FUNCTIONS(LOX_VIPS_RESOLVE)
#undef LOX_VIPS_RESOLVE
  return out;
}

}  // namespace

const VipsApi& VipsLibrary::api() {
  static const Loaded loaded = [] {
    Loaded out = load();
    // Callers turn MediaError into "not a usable image" without its message: say it once here.
    if (!out.error.empty()) spdlog::error("libvips could not be loaded: {}", out.error);
    return out;
  }();
  if (!loaded.error.empty()) throw MediaError("libvips could not be loaded: " + loaded.error);
  return loaded.api;
}

}  // namespace lox::media
