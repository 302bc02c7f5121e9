#pragma once

#include <cstdint>
#include <optional>

namespace lox::domain {

// Which of an account's posts are deleted once old enough, as Mastodon's "automated post
// deletion" offers it: posts older than `min_status_age_days`, except those a `keep_*` option
// or a minimum of favourites or boosts keeps.
struct StatusesCleanupPolicy {
  std::int64_t account_id = 0;
  bool enabled = false;
  int min_status_age_days = 14;
  bool keep_direct = true;
  bool keep_pinned = true;
  bool keep_polls = false;
  bool keep_media = false;
  bool keep_self_fav = true;
  bool keep_self_bookmark = true;
  std::optional<int> min_favs;     // posts with at least this many favourites stay
  std::optional<int> min_reblogs;  // posts boosted at least this many times stay
};

inline constexpr int kMinCleanupAgeDays = 7;
inline constexpr int kMaxCleanupAgeDays = 3650;

}  // namespace lox::domain
