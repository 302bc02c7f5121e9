#include <loxodon/http/request.hpp>

#include <cctype>

namespace lox::http {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string_view> find(const std::vector<std::pair<std::string, std::string>>& items,
                                     std::string_view name, bool case_insensitive) {
  for (const auto& [k, v] : items) {
    if (case_insensitive ? iequals(k, name) : k == name) return std::string_view(v);
  }
  return std::nullopt;
}
}  // namespace

std::string percent_decode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int hi = hex_value(text[i + 1]);
      int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_as_space && c == '+' ? ' ' : c);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_query_string(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    if (!part.empty()) {
      auto eq = part.find('=');
      std::string key = percent_decode(part.substr(0, eq), true);
      std::string value =
          eq == std::string_view::npos ? std::string() : percent_decode(part.substr(eq + 1), true);
      out.emplace_back(std::move(key), std::move(value));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  return find(headers, name, true);
}
std::optional<std::string_view> Request::query_param(std::string_view name) const {
  return find(query, name, false);
}
std::optional<std::string_view> Request::path_param(std::string_view name) const {
  return find(path_params, name, false);
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (!iequals(k, "Cookie")) continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      std::string_view pair = rest.substr(0, semi);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
        return std::string(pair.substr(eq + 1));
      }
      if (semi == std::string_view::npos) break;
      rest.remove_prefix(semi + 1);
    }
  }
  return std::nullopt;
}

}  // namespace lox::http
