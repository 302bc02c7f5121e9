#pragma once

#include <loxodon/domain/account.hpp>
#include <loxodon/domain/filter.hpp>
#include <loxodon/domain/media_attachment.hpp>
#include <loxodon/domain/poll.hpp>
#include <loxodon/domain/preview_card.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

enum class Visibility { kPublic = 0, kUnlisted = 1, kPrivate = 2, kDirect = 3 };

std::optional<Visibility> parse_visibility(std::string_view text);
const char* visibility_name(Visibility v);

struct Status {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  bool local = true;
  std::optional<std::string> uri;
  std::optional<std::string> url;
  std::chrono::system_clock::time_point created_at{};
  std::optional<std::chrono::system_clock::time_point> edited_at;
  std::string text;  // source (local statuses)
  std::string spoiler_text;
  std::string content;  // safe HTML
  Visibility visibility = Visibility::kPublic;
  bool sensitive = false;
  std::optional<std::string> language;
  std::optional<std::int64_t> in_reply_to_id;
  std::optional<std::int64_t> in_reply_to_account_id;
  std::optional<std::int64_t> reblog_of_id;
  std::optional<std::int64_t> application_id;
  std::int64_t replies_count = 0;
  std::int64_t reblogs_count = 0;
  std::int64_t favourites_count = 0;
};

struct MentionView {
  std::int64_t account_id = 0;
  std::string username;
  std::string acct;
  std::string url;
};

// Everything needed to render one status for one viewer.
struct StatusView {
  Status status;
  Account account;
  std::vector<MentionView> mentions;
  std::vector<std::string> tags;
  std::optional<std::string> application_name;
  std::optional<std::string> application_website;
  bool favourited = false;
  bool reblogged = false;
  bool bookmarked = false;
  bool pinned = false;
  bool muted = false;
  std::optional<Poll> poll;
  std::vector<FilterResult> filtered;  // the viewer's filters this status matches
  std::vector<MediaAttachment> media;
  std::vector<CustomEmoji> emojis;  // used in the text, content warning or poll
  std::optional<PreviewCard> card;  // of its first link, once fetched
};

// Who the viewer is to a status: the facts the visibility rule needs.
struct ViewerRelation {
  bool is_author = false;
  bool follows_author = false;
  bool mentioned = false;
  bool blocked = false;  // either side blocks the other
};

// Mastodon's StatusPolicy#show?: public and unlisted for everyone, private for followers and
// the mentioned, direct for the mentioned; the author always; nobody across a block.
bool visible_to(Visibility visibility, const ViewerRelation& viewer);

}  // namespace lox::domain
