#pragma once

#include <string>
#include <string_view>

namespace lox {

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

// Plain text as Mastodon renders a bio or a field: escaped, paragraphs on blank lines, <br /> on
// single line breaks. (Links, mentions and hashtags are added by the text renderer of statuses.)
std::string plain_text_to_html(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view text);
// The text with every invalid UTF-8 sequence and NUL byte replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);
// Number of Unicode code points (for length limits counted the way people count characters).
std::size_t utf8_length(std::string_view text);
// The longest prefix of `text` of at most `max_bytes` that does not end inside a character.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace lox
