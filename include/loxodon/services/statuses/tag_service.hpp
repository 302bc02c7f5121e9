#pragma once

#include <loxodon/domain/featured_tag.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/tag.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct FollowedTagPage {
  std::vector<domain::Tag> tags;
  std::vector<std::int64_t> cursors;
};

// Hashtags: what a viewer sees of one, following them (public statuses with the tag reach the
// follower's home timeline), and featuring them on a profile.
class TagService {
 public:
  static constexpr int kMaxFeaturedTags = 10;

  TagService(db::Database& db, SnowflakeGenerator& ids);

  // Lowercase name without '#'; throws 404 for something that cannot be a hashtag.
  static std::string normalize(std::string_view name);
  // The same, nothing for something that cannot be a hashtag (a community's name).
  static std::optional<std::string> normalized(std::string_view name);

  // A tag nobody used yet still answers (not following, not featured), as in Mastodon.
  awaitable<domain::Tag> get(std::string name, std::int64_t viewer);
  awaitable<domain::Tag> follow(std::int64_t me, std::string name);
  awaitable<domain::Tag> unfollow(std::int64_t me, std::string name);
  awaitable<FollowedTagPage> followed(std::int64_t me, domain::PageRequest page);

  awaitable<std::vector<domain::FeaturedTag>> featured(std::int64_t account_id);
  // Another account's featured tags with its username (for the profile URL); 404 when the
  // account does not exist or is suspended.
  awaitable<std::pair<std::string, std::vector<domain::FeaturedTag>>> featured_of(
      std::int64_t account_id);
  awaitable<domain::FeaturedTag> feature(std::int64_t me, std::string name);
  awaitable<void> unfeature(std::int64_t me, std::int64_t id);
  awaitable<std::vector<domain::Tag>> feature_suggestions(std::int64_t me);

 private:
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
