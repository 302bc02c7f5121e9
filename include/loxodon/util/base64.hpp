#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lox {

// Standard Base64 (RFC 4648 §4) with padding, as HTTP signatures and digests use it.
std::string base64_encode(std::string_view data);
// Strict: the standard alphabet, padding to a multiple of four, nothing else (no whitespace).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace lox
