#include <loxodon/http/rate_limit_headers.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::http {

std::string rate_limit_reset_header(std::chrono::system_clock::time_point reset) {
  std::string ms = format_iso8601_ms(reset);  // ...:00.000Z
  return ms.substr(0, ms.size() - 1) + "000Z";
}

}  // namespace lox::http
