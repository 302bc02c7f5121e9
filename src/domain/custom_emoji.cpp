#include <loxodon/domain/custom_emoji.hpp>

#include <algorithm>

namespace lox::domain {

namespace {
bool shortcode_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
// Mastodon's boundary: a shortcode may not touch a letter, digit or colon outside it. Bytes of
// multi-byte UTF-8 characters count as boundaries here, so an emoji or «quote» next to a
// shortcode works as in Mastodon; a non-ASCII letter next to one (é:ab:) also does here,
// where Mastodon, which knows Unicode letters, would leave it as text.
bool boundary(std::string_view text, std::size_t at) {
  if (at >= text.size()) return true;
  char c = text[at];
  return c != ':' && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}
}  // namespace

bool valid_emoji_shortcode(std::string_view shortcode) {
  return shortcode.size() >= 2 && shortcode.size() <= 100 &&
         std::all_of(shortcode.begin(), shortcode.end(), shortcode_char);
}

std::vector<std::string> emoji_shortcodes(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != ':' || (i > 0 && !boundary(text, i - 1))) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && shortcode_char(text[end])) ++end;
    if (end < text.size() && text[end] == ':' && boundary(text, end + 1) &&
        valid_emoji_shortcode(text.substr(i + 1, end - i - 1))) {
      std::string code(text.substr(i + 1, end - i - 1));
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
      i = end + 1;
    } else {
      i = end > i + 1 ? end : i + 1;
    }
  }
  return out;
}

std::vector<std::string> emoji_shortcodes(const std::vector<std::string_view>& texts) {
  std::vector<std::string> out;
  for (auto text : texts) {
    for (auto& code : emoji_shortcodes(text)) {
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
    }
  }
  return out;
}

}  // namespace lox::domain
