#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lox::activitypub {

// Remote markup longer than this is cut (at a character boundary) before it is read.
inline constexpr std::size_t kMaxSanitizedHtmlBytes = 256 * 1024;

// Remote HTML (posts, bios, fields, names with markup) reduced to what Mastodon allows
// (Sanitize::Config::MASTODON_STRICT): p br span a del s pre blockquote code b strong u i em ul ol
// li; links only to http(s) (Mastodon also allows a few other protocols), opened with rel="nofollow
// noopener" target="_blank"; classes only microformats (h-, p-, u-, dt-, e-) and mention, hashtag,
// ellipsis, invisible. Headings become bold paragraphs; other elements give up their tags but
// keep their text; script, style and the like go with their content. Parsed with libgumbo
// (an HTML5 parser), so malformed markup cannot smuggle anything through. Its cost is linear in
// the input: reduce_html bounds the shape gumbo sees, kept elements nest at most 32 deep, and
// input beyond `max_bytes` is cut.
std::string sanitize_html(std::string_view html, std::size_t max_bytes = kMaxSanitizedHtmlBytes);

}  // namespace lox::activitypub
