#pragma once

#include <loxodon/util/byte_source.hpp>
#include <loxodon/util/url_encode.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lox::http {

// A request as handlers see it, independent of Beast. Header names are matched
// case-insensitively; query parameters are percent-decoded, repeated keys kept in order.
struct Request {
  std::string method;
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Set instead of `body` on routes that spool (RouteOptions::spool_large_body) when the body
  // was larger than ServerOptions::unauthenticated_body_bytes: it went to an unnamed file as it
  // arrived. Params reads either.
  ByteSource spooled_body;

  std::string remote_address;   // the client, after trusted-proxy resolution
  std::string scheme = "http";  // as the client used it (X-Forwarded-Proto from a trusted proxy)
  std::string request_id;
  std::vector<std::pair<std::string, std::string>> path_params;

  std::optional<std::string_view> header(std::string_view name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::optional<std::string_view> path_param(std::string_view name) const;
  // The value of one cookie from the Cookie header.
  std::optional<std::string> cookie(std::string_view name) const;
};

// Splits "a=1&b=%20x" into decoded pairs ('+' is a space, as in HTML forms).
std::vector<std::pair<std::string, std::string>> parse_query_string(std::string_view query);
std::string percent_decode(std::string_view text, bool plus_as_space);
using ::lox::url_encode;
bool iequals(std::string_view a, std::string_view b);

}  // namespace lox::http
