#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace lox::media {

// BlurHash (https://blurha.sh) of an 8-bit RGB image, rows `stride` bytes apart, with
// `x_components` × `y_components` (1 to 9 each) cosine components — Mastodon uses 4 × 4 on the
// small variant. Returns "" for invalid arguments.
std::string blurhash_encode(const std::uint8_t* rgb, int width, int height, std::size_t stride,
                            int x_components, int y_components);

}  // namespace lox::media
