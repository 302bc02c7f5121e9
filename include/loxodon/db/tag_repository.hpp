#pragma once

#include <loxodon/db/page_query.hpp>
#include <loxodon/db/tx.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct TagRow {
  std::int64_t id = 0;
  std::string name;  // lowercase
  bool following = false;
  bool featuring = false;
};

struct FeaturedTagRow {
  std::int64_t id = 0;
  std::string name;
  std::int64_t statuses_count = 0;
  std::optional<std::int64_t> last_status_at_ms;
};

// Hashtags an account follows (their public statuses reach its home feed) or features on its
// profile.
// A hashtag the user follows, with the row id that pages the list.
struct FollowedTag {
  std::int64_t cursor = 0;
  std::string name;
};

class TagRepository {
 public:
  // The tag as `viewer` relates to it (viewer 0: nobody).
  static std::optional<TagRow> find(Tx& tx, const std::string& name, std::int64_t viewer);
  static std::int64_t ensure(Tx& tx, const std::string& name);
  static void follow(Tx& tx, std::int64_t row_id, std::int64_t account_id, const std::string& name);
  static void unfollow(Tx& tx, std::int64_t account_id, const std::string& name);
  // Newest follow first.
  static std::vector<FollowedTag> followed(Tx& tx, std::int64_t account_id, const PageQuery& page);
  // Puts a public status with followed tags into its followers' home feeds.
  static void fan_out(Tx& tx, std::int64_t status_id);

  static void feature(Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t tag_id);
  static bool unfeature(Tx& tx, std::int64_t account_id, std::int64_t id);
  static std::vector<FeaturedTagRow> featured(Tx& tx, std::int64_t account_id);
  static std::vector<std::string> feature_suggestions(Tx& tx, std::int64_t account_id);
};

}  // namespace lox::db
