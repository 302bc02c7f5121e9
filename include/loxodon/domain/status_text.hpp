#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lox::domain {

inline constexpr std::size_t kCharactersReservedPerUrl = 23;

// A mention as written: "@bob" (local) or "@bob@example.com" / "@bob@localhost:8081".
struct MentionToken {
  std::string username;
  std::optional<std::string> domain;
};

// What a mention points to once resolved to an account.
struct ResolvedMention {
  std::int64_t account_id = 0;
  std::string username;
  std::string acct;  // "bob" or "bob@example.com"
  std::string url;   // profile URL
};

struct RenderedStatusText {
  std::string html;                       // safe by construction: every text run is escaped
  std::vector<ResolvedMention> mentions;  // in order, without duplicates
  std::vector<std::string> tags;          // lowercase names, in order, without duplicates
  std::size_t length = 0;                 // characters as Mastodon counts them
};

using MentionResolver = std::function<std::optional<ResolvedMention>(const MentionToken&)>;

// Mentions in `text`, for resolving before rendering (resolution may need the database).
std::vector<MentionToken> find_mentions(std::string_view text);

// Mastodon's plain-text formatter: paragraphs and line breaks, autolinked http(s) URLs (long
// ones shortened with invisible/ellipsis spans), linked @mentions (unresolved ones stay text)
// and #hashtags. `local_domain` is this instance's domain (a mention of it is local).
RenderedStatusText render_status_text(std::string_view text, const MentionResolver& resolve,
                                      const std::string& base_url);

// Characters as Mastodon counts them: code points, each URL as 23, remote mentions without
// their domain.
std::size_t status_length(std::string_view text);

}  // namespace lox::domain
