#pragma once

#include <string_view>

namespace lox::web {

// The default instance thumbnail (a plain 64x64 PNG in Loxodon's slate blue), used until an
// admin uploads one. Compiled in so the server needs no asset directory.
std::string_view default_thumbnail_png();

}  // namespace lox::web
