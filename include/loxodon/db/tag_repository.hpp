#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/featured_tag.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/tag.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// A hashtag the user follows, with the row id that pages the list.
struct FollowedTag {
  std::int64_t cursor = 0;
  std::string name;
};

// Hashtags an account follows (their public statuses reach its home feed) or features on its
// profile.
class TagRepository {
 public:
  // The tag as `viewer` relates to it (viewer 0: nobody).
  static std::optional<domain::Tag> find(Tx& tx, const std::string& name, std::int64_t viewer);
  static std::int64_t ensure(Tx& tx, const std::string& name);
  static void follow(Tx& tx, std::int64_t row_id, std::int64_t account_id, const std::string& name);
  static void unfollow(Tx& tx, std::int64_t account_id, const std::string& name);
  // Newest follow first.
  static std::vector<FollowedTag> followed(Tx& tx, std::int64_t account_id,
                                           const domain::PageRequest& page);
  // Puts a public status with followed tags into its followers' home feeds.
  static void fan_out(Tx& tx, std::int64_t status_id);

  static void feature(Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t tag_id);
  static bool unfeature(Tx& tx, std::int64_t account_id, std::int64_t id);
  static std::vector<domain::FeaturedTag> featured(Tx& tx, std::int64_t account_id);
  static std::vector<std::string> feature_suggestions(Tx& tx, std::int64_t account_id);
};

}  // namespace lox::db
