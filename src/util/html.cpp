#include <loxodon/util/html.hpp>

namespace lox {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string plain_text_to_html(std::string_view text) {
  std::string normalized;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      normalized.push_back('\n');
    } else {
      normalized.push_back(text[i]);
    }
  }
  while (!normalized.empty() && (normalized.back() == '\n' || normalized.back() == ' ')) {
    normalized.pop_back();
  }
  std::size_t start = normalized.find_first_not_of("\n ");
  if (start == std::string::npos) return "";
  normalized.erase(0, start);
  std::string out;
  std::size_t pos = 0;
  while (pos <= normalized.size()) {
    std::size_t end = normalized.find("\n\n", pos);
    std::string_view para(normalized.data() + pos,
                          (end == std::string::npos ? normalized.size() : end) - pos);
    if (!para.empty()) {
      out += "<p>";
      std::size_t line_start = 0;
      while (true) {
        std::size_t nl = para.find('\n', line_start);
        out += html_escape(
            para.substr(line_start, nl == std::string_view::npos ? para.npos : nl - line_start));
        if (nl == std::string_view::npos) break;
        out += "<br />";
        line_start = nl + 1;
      }
      out += "</p>";
    }
    if (end == std::string::npos) break;
    pos = end + 2;
    while (pos < normalized.size() && normalized[pos] == '\n') ++pos;
  }
  return out;
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (i < text.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n;
    unsigned int cp;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= text.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

std::string to_valid_utf8(std::string_view text) {
  if (valid_utf8(text) && text.find('\0') == std::string_view::npos) return std::string(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    // Take the longest prefix starting here that is one valid character.
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xc0) len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    if (c != 0 && i + len <= text.size() && valid_utf8(text.substr(i, len)) &&
        (c < 0x80 || c >= 0xc2)) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xc0) != 0x80) ++n;
  }
  return n;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace lox
