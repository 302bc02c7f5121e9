#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/activitypub/interaction_documents.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/notifications/notify_job.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>

#include <algorithm>
#include <cctype>

namespace lox::services {

RelationshipService::RelationshipService(const config::Config& config, db::Database& db,
                                         SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

awaitable<domain::Account> RelationshipService::target_account(std::int64_t me,
                                                               std::int64_t target) {
  auto account =
      co_await db_.tx([&](db::Tx& tx) { return db::AccountRepository::find(tx, target); });
  if (!account || account->suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
  if (target == me) throw Error(ErrorCode::kForbidden, "This action is not allowed");
  co_return *account;
}

awaitable<domain::Relationship> RelationshipService::relationship(std::int64_t me,
                                                                  std::int64_t target) {
  auto rows = co_await db_.tx([&](db::Tx& tx) {
    std::vector<std::int64_t> ids{target};
    return db::SocialRepository::relationships(tx, me, ids);
  });
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return rows.front();
}

awaitable<domain::Relationship> RelationshipService::follow(std::int64_t me, std::int64_t target,
                                                            domain::FollowOptions options) {
  if (options.languages) {
    ValidationErrors errors;
    for (auto& code : *options.languages) {
      code = domain::lowercase(code);
      bool ok = code.size() >= 2 && code.size() <= 3 &&
                std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (!ok) errors.add("languages", "Languages", "ERR_INCLUSION", "is not included in the list");
    }
    errors.throw_if_any();
    std::sort(options.languages->begin(), options.languages->end());
    options.languages->erase(std::unique(options.languages->begin(), options.languages->end()),
                             options.languages->end());
  }
  auto account = co_await target_account(me, target);
  std::int64_t row = ids_.next();
  bool refused = co_await db_.tx([&](db::Tx& tx) {
    auto rel = db::SocialRepository::relationships(tx, me, std::vector<std::int64_t>{target});
    if (!rel.empty() && (rel[0].blocking || rel[0].blocked_by)) return true;
    if (!rel.empty() && rel[0].following) {
      db::SocialRepository::follow(tx, row, me, target, options);  // update options
      return false;
    }
    if (account.domain) {
      // Remote: a request until their server accepts it.
      if (db::SocialRepository::request_follow(tx, row, me, target, options)) {
        auto mine = db::AccountRepository::find(tx, me);
        auto theirs = db::AccountRepository::inboxes(tx, target);
        if (mine && theirs && !theirs->inbox.empty()) {
          federation::enqueue_delivery(
              tx, theirs->inbox,
              activitypub::follow_activity(config_.actor_url(mine->username), theirs->uri, row),
              me);
        }
      }
      return false;
    }
    if (account.locked) {
      if (db::SocialRepository::request_follow(tx, row, me, target, options)) {
        enqueue_notification(tx, target, me, "follow_request", std::nullopt);
      }
      return false;
    }
    if (db::SocialRepository::follow(tx, row, me, target, options)) {
      db::SocialRepository::backfill_home(tx, me, target, options.reblogs);
      enqueue_notification(tx, target, me, "follow", std::nullopt);
    }
    return false;
  });
  if (refused) throw Error(ErrorCode::kForbidden, "This action is not allowed");
  co_return co_await relationship(me, target);
}

awaitable<domain::Relationship> RelationshipService::unfollow(std::int64_t me,
                                                              std::int64_t target) {
  auto account = co_await target_account(me, target);
  std::int64_t undo_id = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto before = db::SocialRepository::relationships(tx, me, std::vector<std::int64_t>{target});
    db::SocialRepository::unfollow(tx, me, target);
    bool was = !before.empty() && (before[0].following || before[0].requested);
    if (!account.domain || !was) return;
    auto mine = db::AccountRepository::find(tx, me);
    auto theirs = db::AccountRepository::inboxes(tx, target);
    if (!mine || !theirs || theirs->inbox.empty()) return;
    auto undo = activitypub::undo_activity(
        activitypub::follow_activity(config_.actor_url(mine->username), theirs->uri, undo_id));
    federation::enqueue_delivery(tx, theirs->inbox, undo, me);
  });
  co_return co_await relationship(me, target);
}

awaitable<domain::Relationship> RelationshipService::block(std::int64_t me, std::int64_t target) {
  auto account = co_await target_account(me, target);
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    db::SocialRepository::block(tx, row, me, target);
    if (account.domain) send_block(tx, me, target, row, false);
  });
  co_return co_await relationship(me, target);
}

// A remote account's follow request, decided here: Accept or Reject naming its Follow.
void RelationshipService::answer_follow(db::Tx& tx, std::int64_t me, std::int64_t requester,
                                        const std::string& follow_uri, std::int64_t row,
                                        bool accepted) {
  auto mine = db::AccountRepository::find(tx, me);
  auto theirs = db::AccountRepository::inboxes(tx, requester);
  if (!mine || !theirs || theirs->inbox.empty()) return;
  std::string actor = config_.actor_url(mine->username);
  auto answer = activitypub::follow_answer_activity(
      actor, accepted ? "Accept" : "Reject", row,
      {{"id", follow_uri}, {"type", "Follow"}, {"actor", theirs->uri}, {"object", actor}});
  federation::enqueue_delivery(tx, theirs->inbox, answer, me);
}

// Block and Undo(Block) tell a remote account's server (Mastodon then drops the follows too).
void RelationshipService::send_block(db::Tx& tx, std::int64_t me, std::int64_t target,
                                     std::int64_t row, bool undo) {
  auto mine = db::AccountRepository::find(tx, me);
  auto theirs = db::AccountRepository::inboxes(tx, target);
  if (!mine || !theirs || theirs->inbox.empty()) return;
  std::string actor = config_.actor_url(mine->username);
  auto block = activitypub::block_activity(actor, theirs->uri, row);
  auto activity = undo ? activitypub::undo_activity(block) : block;
  federation::enqueue_delivery(tx, theirs->inbox, activity, me);
}

awaitable<domain::Relationship> RelationshipService::unblock(std::int64_t me, std::int64_t target) {
  auto account = co_await target_account(me, target);
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    auto before = db::SocialRepository::relationships(tx, me, std::vector<std::int64_t>{target});
    db::SocialRepository::unblock(tx, me, target);
    if (account.domain && !before.empty() && before[0].blocking)
      send_block(tx, me, target, row, true);
  });
  co_return co_await relationship(me, target);
}

awaitable<domain::Relationship> RelationshipService::mute(std::int64_t me, std::int64_t target,
                                                          bool notifications,
                                                          std::int64_t duration_seconds) {
  co_await target_account(me, target);
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    db::SocialRepository::mute(tx, row, me, target, notifications, duration_seconds);
  });
  co_return co_await relationship(me, target);
}

awaitable<domain::Relationship> RelationshipService::unmute(std::int64_t me, std::int64_t target) {
  co_await target_account(me, target);
  co_await db_.tx([&](db::Tx& tx) { db::SocialRepository::unmute(tx, me, target); });
  co_return co_await relationship(me, target);
}

awaitable<domain::Relationship> RelationshipService::endorse(std::int64_t me, std::int64_t target) {
  co_await target_account(me, target);
  std::int64_t row = ids_.next();
  bool endorsed = co_await db_.tx(
      [&](db::Tx& tx) { return db::SocialRepository::endorse(tx, row, me, target); });
  if (!endorsed) {
    throw Error(ErrorCode::kUnprocessable,
                "Validation failed: You must be already following the person you want to endorse");
  }
  co_return co_await relationship(me, target);
}

awaitable<domain::Relationship> RelationshipService::unendorse(std::int64_t me,
                                                               std::int64_t target) {
  co_await target_account(me, target);
  co_await db_.tx([&](db::Tx& tx) { db::SocialRepository::unendorse(tx, me, target); });
  co_return co_await relationship(me, target);
}

awaitable<AccountPage> RelationshipService::endorsements(std::int64_t me,
                                                         domain::PageRequest page) {
  auto rows = co_await db_.read(
      [&](db::Tx& tx) { return db::SocialRepository::endorsements(tx, me, page); });
  co_return co_await accounts_page(rows);
}

awaitable<domain::Relationship> RelationshipService::authorize_request(std::int64_t me,
                                                                       std::int64_t requester) {
  std::int64_t row = ids_.next();
  bool found = co_await db_.tx([&](db::Tx& tx) {
    auto follow_uri = db::DeliveryHostRepository::follow_request_uri(tx, requester, me);
    auto request = db::SocialRepository::withdraw_request(tx, requester, me);
    if (!request) return false;
    if (follow_uri) answer_follow(tx, me, requester, *follow_uri, row, true);
    db::SocialRepository::follow(tx, row, requester, me, *request);
    db::SocialRepository::backfill_home(tx, requester, me, request->reblogs);
    enqueue_notification(tx, me, requester, "follow", std::nullopt);
    return true;
  });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return co_await relationship(me, requester);
}

awaitable<domain::Relationship> RelationshipService::reject_request(std::int64_t me,
                                                                    std::int64_t requester) {
  std::int64_t row = ids_.next();
  bool found = co_await db_.tx([&](db::Tx& tx) {
    auto follow_uri = db::DeliveryHostRepository::follow_request_uri(tx, requester, me);
    bool withdrawn = db::SocialRepository::withdraw_request(tx, requester, me).has_value();
    if (withdrawn && follow_uri) answer_follow(tx, me, requester, *follow_uri, row, false);
    return withdrawn;
  });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return co_await relationship(me, requester);
}

awaitable<std::vector<domain::Relationship>> RelationshipService::relationships(
    std::int64_t me, std::vector<std::int64_t> ids) {
  auto rows =
      co_await db_.tx([&](db::Tx& tx) { return db::SocialRepository::relationships(tx, me, ids); });
  // In the order asked for, as clients match by position as well as by id.
  std::vector<domain::Relationship> ordered;
  for (auto id : ids) {
    for (const auto& r : rows) {
      if (r.id == id) {
        ordered.push_back(r);
        break;
      }
    }
  }
  co_return ordered;
}

awaitable<AccountPage> RelationshipService::accounts_page(db::CursorRows rows) {
  co_return co_await db_.tx([&](db::Tx& tx) {
    AccountPage page;
    for (const auto& [cursor, id] : rows) {
      if (auto a = db::AccountRepository::find(tx, id)) {
        page.accounts.push_back(*a);
        page.cursors.push_back(cursor);
      }
    }
    return page;
  });
}

awaitable<AccountPage> RelationshipService::followers(std::int64_t account_id,
                                                      std::optional<std::int64_t> viewer,
                                                      domain::PageRequest page) {
  co_return co_await network_page(account_id, viewer, page, true);
}

awaitable<AccountPage> RelationshipService::following(std::int64_t account_id,
                                                      std::optional<std::int64_t> viewer,
                                                      domain::PageRequest page) {
  co_return co_await network_page(account_id, viewer, page, false);
}

awaitable<AccountPage> RelationshipService::network_page(std::int64_t account_id,
                                                         std::optional<std::int64_t> viewer,
                                                         domain::PageRequest page, bool followers) {
  auto rows = co_await db_.tx([&](db::Tx& tx) {
    auto account = db::AccountRepository::find(tx, account_id);
    if (!account || account->suspended_at) throw Error(ErrorCode::kNotFound, "Record not found");
    db::CursorRows found;
    const bool hidden = account->hide_collections || account->hide_counts;
    if (hidden && viewer != account_id) return found;
    return followers ? db::SocialRepository::followers(tx, account_id, page)
                     : db::SocialRepository::following(tx, account_id, page);
  });
  co_return co_await accounts_page(rows);
}

awaitable<AccountPage> RelationshipService::follow_requests(std::int64_t me,
                                                            domain::PageRequest page) {
  auto rows = co_await db_.tx(
      [&](db::Tx& tx) { return db::SocialRepository::follow_requests(tx, me, page); });
  co_return co_await accounts_page(rows);
}

awaitable<AccountPage> RelationshipService::blocked(std::int64_t me, domain::PageRequest page) {
  auto rows =
      co_await db_.tx([&](db::Tx& tx) { return db::StatusRepository::blocks_page(tx, me, page); });
  co_return co_await accounts_page(rows);
}

awaitable<AccountPage> RelationshipService::muted(std::int64_t me, domain::PageRequest page) {
  auto rows =
      co_await db_.tx([&](db::Tx& tx) { return db::StatusRepository::mutes_page(tx, me, page); });
  co_return co_await accounts_page(rows);
}

awaitable<std::vector<std::pair<std::int64_t, std::vector<domain::Account>>>>
RelationshipService::familiar_followers(std::int64_t me, std::vector<std::int64_t> ids) {
  constexpr std::size_t kMaxIds = 40;
  constexpr int kPerAccount = 40;
  std::vector<std::int64_t> unique;
  for (auto id : ids) {
    if (unique.size() < kMaxIds && std::find(unique.begin(), unique.end(), id) == unique.end()) {
      unique.push_back(id);
    }
  }
  co_return co_await db_.read([&](db::Tx& tx) {
    std::vector<std::pair<std::int64_t, std::vector<domain::Account>>> out;
    for (auto id : unique) out.emplace_back(id, std::vector<domain::Account>{});
    for (const auto& row : db::SocialRepository::familiar_followers(tx, me, unique, kPerAccount)) {
      auto account = db::AccountRepository::find(tx, row.follower);
      if (!account) continue;
      for (auto& entry : out) {
        if (entry.first == row.target) entry.second.push_back(*account);
      }
    }
    return out;
  });
}

namespace {
// A bare host name: letters, digits, '-', '.', and (for IDN already in punycode) nothing else.
std::string checked_domain(const std::string& raw) {
  std::string domain = domain::lowercase(raw);
  bool ok = !domain.empty() && domain.size() <= 253 && domain.front() != '.' &&
            domain.back() != '.' && domain.find("..") == std::string::npos;
  for (char c : domain) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) ok = false;
  }
  if (!ok) {
    ValidationErrors errors;
    errors.add("domain", "Domain", "ERR_INVALID", "is invalid");
    errors.throw_if_any();
  }
  return domain;
}
}  // namespace

awaitable<void> RelationshipService::block_domain(std::int64_t me, std::string domain) {
  std::string host = checked_domain(domain);
  std::int64_t row_id = ids_.next();
  co_await db_.tx([&](db::Tx& tx) { db::SocialRepository::block_domain(tx, row_id, me, host); });
}

awaitable<void> RelationshipService::unblock_domain(std::int64_t me, std::string domain) {
  std::string host = checked_domain(domain);
  co_await db_.tx([&](db::Tx& tx) { db::SocialRepository::unblock_domain(tx, me, host); });
}

awaitable<std::vector<domain::BlockedDomain>> RelationshipService::blocked_domains(
    std::int64_t me, domain::PageRequest page) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::SocialRepository::blocked_domains(tx, me, page); });
}

}  // namespace lox::services
