#pragma once

#include <string>
#include <string_view>

namespace lox {

// Encodes everything but unreserved characters (RFC 3986), for query and form values.
std::string url_encode(std::string_view text);

}  // namespace lox
