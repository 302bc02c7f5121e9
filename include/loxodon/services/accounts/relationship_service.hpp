#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/blocked_domain.hpp>
#include <loxodon/domain/follow_options.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/relationship.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct AccountPage {
  std::vector<domain::Account> accounts;
  std::vector<std::int64_t> cursors;  // the join-row id of each account, for Link paging
};

// Follows (with follow requests for locked accounts), blocks and mutes, and the lists built
// from them. Notifications are jobs written in the same transaction.
class RelationshipService {
 public:
  // Following a remote account sends it a Follow and waits for its Accept (a request until
  // then); unfollowing sends an Undo.
  RelationshipService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids);

  // Following again updates the options (languages only when given).
  awaitable<domain::Relationship> follow(std::int64_t me, std::int64_t target,
                                         domain::FollowOptions options);
  awaitable<domain::Relationship> unfollow(std::int64_t me, std::int64_t target);
  awaitable<domain::Relationship> block(std::int64_t me, std::int64_t target);
  awaitable<domain::Relationship> unblock(std::int64_t me, std::int64_t target);
  awaitable<domain::Relationship> mute(std::int64_t me, std::int64_t target, bool notifications,
                                       std::int64_t duration_seconds);
  awaitable<domain::Relationship> unmute(std::int64_t me, std::int64_t target);
  awaitable<domain::Relationship> authorize_request(std::int64_t me, std::int64_t requester);
  awaitable<domain::Relationship> reject_request(std::int64_t me, std::int64_t requester);
  awaitable<std::vector<domain::Relationship>> relationships(std::int64_t me,
                                                             std::vector<std::int64_t> ids);
  // 404 for an unknown or suspended account. An account that hides its network or its counts
  // shows an empty list to everyone but itself, as Mastodon does.
  awaitable<AccountPage> followers(std::int64_t account_id, std::optional<std::int64_t> viewer,
                                   domain::PageRequest page);
  awaitable<AccountPage> following(std::int64_t account_id, std::optional<std::int64_t> viewer,
                                   domain::PageRequest page);
  awaitable<AccountPage> blocked(std::int64_t me, domain::PageRequest page);
  awaitable<AccountPage> muted(std::int64_t me, domain::PageRequest page);
  // Accounts waiting for `me` to accept their follow.
  awaitable<AccountPage> follow_requests(std::int64_t me, domain::PageRequest page);
  // Endorsements (featured accounts on the profile); only followed accounts can be endorsed.
  awaitable<domain::Relationship> endorse(std::int64_t me, std::int64_t target);
  awaitable<domain::Relationship> unendorse(std::int64_t me, std::int64_t target);
  awaitable<AccountPage> endorsements(std::int64_t me, domain::PageRequest page);
  // For each requested account (at most 40), the accounts `me` follows that follow it.
  awaitable<std::vector<std::pair<std::int64_t, std::vector<domain::Account>>>> familiar_followers(
      std::int64_t me, std::vector<std::int64_t> ids);

  // Account-level domain blocks: the domain's accounts and posts are hidden from `me`.
  // Domains are stored lowercase; a URL or an empty value is a validation error.
  awaitable<void> block_domain(std::int64_t me, std::string domain);
  awaitable<void> unblock_domain(std::int64_t me, std::string domain);
  awaitable<std::vector<domain::BlockedDomain>> blocked_domains(std::int64_t me,
                                                                domain::PageRequest page);

 private:
  void answer_follow(db::Tx& tx, std::int64_t me, std::int64_t requester,
                     const std::string& follow_uri, std::int64_t row, bool accepted);
  void send_block(db::Tx& tx, std::int64_t me, std::int64_t target, std::int64_t row, bool undo);
  awaitable<domain::Account> target_account(std::int64_t me, std::int64_t target);
  awaitable<domain::Relationship> relationship(std::int64_t me, std::int64_t target);
  awaitable<AccountPage> accounts_page(db::CursorRows rows);
  awaitable<AccountPage> network_page(std::int64_t account_id, std::optional<std::int64_t> viewer,
                                      domain::PageRequest page, bool followers);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
