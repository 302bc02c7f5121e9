#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace lox {

inline constexpr std::size_t kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxJsonBytes = 1024 * 1024;

// Parses untrusted JSON with a nesting limit and a size cap. nlohmann's parser keeps its own
// stack, but copying, comparing and dump() recurse, as do our own walks: a deeply nested
// document must be refused before it is built. Throws lox::Error (400 or 413) naming what was
// wrong.
nlohmann::json parse_json_limited(std::string_view text, std::size_t max_depth = kMaxJsonDepth,
                                  std::size_t max_bytes = kMaxJsonBytes);

// The same limits for readers that treat every unusable document alike (a fetched actor, a
// provider's answer): a document that is too large, too deep or not JSON comes back as a
// discarded value (is_discarded()), which is neither an object nor an array.
nlohmann::json parse_json_or_discarded(std::string_view text, std::size_t max_depth = kMaxJsonDepth,
                                       std::size_t max_bytes = kMaxJsonBytes);

}  // namespace lox
