#pragma once

#include <loxodon/db/cursor_row.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/blocked_domain.hpp>
#include <loxodon/domain/follow_options.hpp>
#include <loxodon/domain/notification.hpp>
#include <loxodon/domain/notification_filter.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/relationship.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// A local follower of an account that moved away, and how it followed.
struct LocalFollower {
  std::int64_t account_id = 0;
  domain::FollowOptions options;
};

// A local account muting one that moved away.
struct LocalMuter {
  std::int64_t account_id = 0;
  bool hide_notifications = false;
};

// For a target account, one of its followers whom the viewer follows too.
struct FamiliarFollower {
  std::int64_t target = 0;
  std::int64_t follower = 0;
};

// How many followers an account has, and how many it follows.
struct FollowCounts {
  std::int64_t followers = 0;
  std::int64_t following = 0;
};

// What local accounts have with an account that moved away, for the Move to carry over.
struct LocalRelationsOf {
  std::vector<LocalFollower> followers;
  std::vector<std::int64_t> blockers;  // local accounts blocking it
  std::vector<LocalMuter> muters;
};

// Follows, follow requests, blocks, mutes and notifications.
class SocialRepository {
 public:
  static LocalRelationsOf local_relations_of(Tx& tx, std::int64_t account_id);
  // True when a new follow was created (false: it existed and its options were updated).
  static bool follow(Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t target,
                     const domain::FollowOptions& options);
  static bool request_follow(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                             std::int64_t target, const domain::FollowOptions& options);
  static void unfollow(Tx& tx, std::int64_t account_id, std::int64_t target);
  // Removes a pending request; returns its options when there was one.
  static std::optional<domain::FollowOptions> withdraw_request(Tx& tx, std::int64_t account_id,
                                                               std::int64_t target);
  static void backfill_home(Tx& tx, std::int64_t account_id, std::int64_t target, bool reblogs);
  static std::vector<domain::Relationship> relationships(Tx& tx, std::int64_t viewer,
                                                         const std::vector<std::int64_t>& ids);
  // Newest follow first; the cursor is the follow row.
  static CursorRows followers(Tx& tx, std::int64_t account_id, const domain::PageRequest& page);
  static CursorRows following(Tx& tx, std::int64_t account_id, const domain::PageRequest& page);
  static CursorRows follow_requests(Tx& tx, std::int64_t account_id,
                                    const domain::PageRequest& page);
  static FollowCounts follow_counts(Tx& tx, std::int64_t account_id);
  static void block(Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t target);
  static void unblock(Tx& tx, std::int64_t account_id, std::int64_t target);
  static void mute(Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t target,
                   bool notifications, std::int64_t duration_seconds);
  static void unmute(Tx& tx, std::int64_t account_id, std::int64_t target);
  // False when `account_id` does not follow `target` (endorsing needs a follow).
  static bool endorse(Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t target);
  static void unendorse(Tx& tx, std::int64_t account_id, std::int64_t target);
  // Newest first.
  static CursorRows endorsements(Tx& tx, std::int64_t account_id, const domain::PageRequest& page);

  // False when nothing was filed (a block, a mute hiding notifications, a duplicate).
  static bool notify(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                     std::int64_t from_account_id, const std::string& type,
                     std::optional<std::int64_t> status_id);
  static std::vector<domain::Notification> notifications(Tx& tx, std::int64_t account_id,
                                                         const domain::NotificationFilter& filter,
                                                         const domain::PageRequest& page);
  static std::optional<domain::Notification> notification(Tx& tx, std::int64_t account_id,
                                                          std::int64_t id);
  static void dismiss(Tx& tx, std::int64_t account_id, std::int64_t id);
  static void clear(Tx& tx, std::int64_t account_id);
  // Followers of each target whom `viewer` follows, at most `limit` per target.
  static std::vector<FamiliarFollower> familiar_followers(Tx& tx, std::int64_t viewer,
                                                          const std::vector<std::int64_t>& targets,
                                                          int limit);
  // Notifications newer than the "notifications" marker, counted up to `limit`.
  static std::int64_t unread_notifications(Tx& tx, std::int64_t account_id, int limit);
  // Followers who follow the author with notify=true (they get a "status" notification).
  static std::vector<std::int64_t> subscribers(Tx& tx, std::int64_t status_id);
  // Accounts that boosted the status (they get an "update" notification when it is edited).
  static std::vector<std::int64_t> rebloggers(Tx& tx, std::int64_t status_id);

  // Domains an account hides (account-level domain blocks, lowercase).
  static void block_domain(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                           const std::string& domain);
  static void unblock_domain(Tx& tx, std::int64_t account_id, const std::string& domain);
  static std::vector<domain::BlockedDomain> blocked_domains(Tx& tx, std::int64_t account_id,
                                                            const domain::PageRequest& page);
};

}  // namespace lox::db
