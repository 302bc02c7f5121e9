#pragma once

#include <string>
#include <string_view>

namespace lox::activitypub {

// Remote HTML (posts, bios, fields, names with markup) reduced to what Mastodon allows
// (Sanitize::Config::MASTODON_STRICT): p br span a del s pre blockquote code b strong u i em ul ol
// li; links only to http(s) and a few other safe protocols, opened with rel="nofollow noopener"
// target="_blank"; classes only microformats (h-, p-, u-, dt-, e-) and mention, hashtag,
// ellipsis, invisible. Headings become bold paragraphs; other elements give up their tags but
// keep their text; script, style and the like go with their content. Parsed with libgumbo
// (an HTML5 parser), so malformed markup cannot smuggle anything through.
std::string sanitize_html(std::string_view html);

}  // namespace lox::activitypub
