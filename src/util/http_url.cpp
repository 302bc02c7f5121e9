#include <loxodon/util/http_url.hpp>

#include <cctype>

namespace lox {

namespace {

bool starts_with_scheme(std::string_view url, std::string_view scheme_and_slashes) {
  if (url.size() < scheme_and_slashes.size()) return false;
  for (std::size_t i = 0; i < scheme_and_slashes.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(url[i])) != scheme_and_slashes[i]) return false;
  }
  return true;
}

}  // namespace

bool is_http_url(std::string_view url) {
  std::size_t rest;
  if (starts_with_scheme(url, "https://")) {
    rest = 8;
  } else if (starts_with_scheme(url, "http://")) {
    rest = 7;
  } else {
    return false;
  }
  // A host must follow; spaces, control characters, quotes and angle brackets never belong in
  // a URL we pass on.
  if (rest >= url.size() || url[rest] == '/' || url[rest] == '?' || url[rest] == '#') return false;
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  return true;
}

std::string http_url_host(std::string_view url) {
  if (!is_http_url(url)) return "";
  std::string_view rest = url.substr(url.find("://") + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);
  }
  std::string_view host = authority;
  if (host.starts_with('[')) {
    host = host.substr(0, host.find(']') + 1);  // an IPv6 literal keeps its brackets
  } else {
    host = host.substr(0, host.find(':'));
  }
  std::string out;
  out.reserve(host.size());
  for (char c : host) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace lox
