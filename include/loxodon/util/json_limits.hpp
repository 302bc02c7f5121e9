#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace lox {

inline constexpr std::size_t kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxJsonBytes = 1024 * 1024;

// Parses untrusted JSON with a nesting limit and a size cap. nlohmann's dump() and our own walks
// recurse, so a deeply nested document must be refused before it is built. Throws lox::Error
// (400) naming what was wrong.
nlohmann::json parse_json_limited(std::string_view text, std::size_t max_depth = kMaxJsonDepth,
                                  std::size_t max_bytes = kMaxJsonBytes);

}  // namespace lox
