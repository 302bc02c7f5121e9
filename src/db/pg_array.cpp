#include "db/pg_array.hpp"

namespace lox::db {

std::string to_pg_text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string to_pg_bigint_array(const std::vector<std::int64_t>& ids) {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "}";
}

std::vector<std::int64_t> from_pg_bigint_array(const std::string& text) {
  std::vector<std::int64_t> out;
  std::size_t pos = text.find_first_of("0123456789-");
  while (pos != std::string::npos && pos < text.size()) {
    std::size_t end = text.find_first_not_of("0123456789-", pos);
    out.push_back(std::stoll(text.substr(pos, end - pos)));
    pos = end == std::string::npos ? end : text.find_first_of("0123456789-", end);
  }
  return out;
}

std::vector<std::string> from_pg_text_array(const std::string& text) {
  std::vector<std::string> out;
  if (text.size() < 2) return out;
  std::string current;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '\\' && i + 2 < text.size()) {
        current += text[++i];
      } else if (c == '"') {
        quoted = false;
      } else {
        current += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      out.push_back(current);
      current.clear();
      any = false;
    } else {
      current += c;
      any = true;
    }
  }
  if (any || !current.empty()) out.push_back(current);
  return out;
}

}  // namespace lox::db
