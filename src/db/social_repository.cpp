#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>

namespace lox::db {

namespace {
CursorRows cursor_rows(const pqxx::result& r) {
  CursorRows out;
  for (const auto& row : r) out.push_back({row[0].as<std::int64_t>(), row[1].as<std::int64_t>()});
  return out;
}

domain::Notification read_notification(const pqxx::row& row) {
  domain::Notification n;
  n.id = row[0].as<std::int64_t>();
  n.type = row[1].as<std::string>();
  n.from_account_id = row[2].as<std::int64_t>();
  n.status_id = nullable<std::int64_t>(row[3]);
  n.created_at =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(row[4].as<long long>()));
  return n;
}
}  // namespace

namespace {
std::string languages_param(const domain::FollowOptions& o) {
  return to_pg_text_array(o.languages.value_or(std::vector<std::string>{}));
}
std::optional<std::vector<std::string>> languages_field(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return from_pg_text_array(f.as<std::string>());
}
}  // namespace

bool SocialRepository::follow(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                              std::int64_t target, const domain::FollowOptions& o) {
  return tx
      .exec1("follow_insert", row_id, account_id, target, o.reblogs, o.notify, languages_param(o),
             o.languages.has_value())[0]
      .as<bool>();
}

bool SocialRepository::request_follow(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                                      std::int64_t target, const domain::FollowOptions& o) {
  return !tx.exec("follow_request_insert", row_id, account_id, target, o.reblogs, o.notify,
                  languages_param(o), o.languages.has_value())
              .empty();
}

void SocialRepository::unfollow(Tx& tx, std::int64_t account_id, std::int64_t target) {
  tx.exec("follow_delete", account_id, target);
  tx.exec("follow_request_delete", account_id, target);
  tx.exec("home_feed_remove_author", account_id, target);
}

LocalRelationsOf SocialRepository::local_relations_of(Tx& tx, std::int64_t account_id) {
  LocalRelationsOf out;
  for (const auto& row : tx.exec("local_followers_of", account_id)) {
    out.followers.emplace_back(
        row[0].as<std::int64_t>(),
        domain::FollowOptions{row[1].as<bool>(), row[2].as<bool>(), languages_field(row[3])});
  }
  for (const auto& row : tx.exec("local_blockers_of", account_id)) {
    out.blockers.push_back(row[0].as<std::int64_t>());
  }
  for (const auto& row : tx.exec("local_muters_of", account_id)) {
    out.muters.emplace_back(row[0].as<std::int64_t>(), row[1].as<bool>());
  }
  return out;
}

std::optional<domain::FollowOptions> SocialRepository::withdraw_request(Tx& tx,
                                                                        std::int64_t account_id,
                                                                        std::int64_t target) {
  auto r = tx.exec("follow_request_delete", account_id, target);
  if (r.empty()) return std::nullopt;
  return domain::FollowOptions{r[0][0].as<bool>(), r[0][1].as<bool>(), languages_field(r[0][2])};
}

void SocialRepository::backfill_home(Tx& tx, std::int64_t account_id, std::int64_t target,
                                     bool reblogs) {
  tx.exec("home_feed_backfill", account_id, target, reblogs);
}

std::vector<domain::Relationship> SocialRepository::relationships(
    Tx& tx, std::int64_t viewer, const std::vector<std::int64_t>& ids) {
  std::vector<domain::Relationship> out;
  for (const auto& row : tx.exec("relationships", viewer, to_pg_bigint_array(ids))) {
    domain::Relationship r;
    r.id = row[0].as<std::int64_t>();
    r.following = row[1].as<bool>();
    r.showing_reblogs = row[2].as<bool>();
    r.notifying = row[3].as<bool>();
    r.followed_by = row[4].as<bool>();
    r.blocking = row[5].as<bool>();
    r.blocked_by = row[6].as<bool>();
    r.muting = row[7].as<bool>();
    r.muting_notifications = row[8].as<bool>();
    r.requested = row[9].as<bool>();
    r.requested_by = row[10].as<bool>();
    r.endorsed = row[11].as<bool>();
    r.domain_blocking = row[12].as<bool>();
    r.languages = languages_field(row[13]);
    out.push_back(r);
  }
  return out;
}

CursorRows SocialRepository::followers(Tx& tx, std::int64_t account_id,
                                       const domain::PageRequest& p) {
  return cursor_rows(
      tx.exec("followers_page", account_id, p.max_id, p.min_id.value_or(p.since_id), p.limit));
}

CursorRows SocialRepository::following(Tx& tx, std::int64_t account_id,
                                       const domain::PageRequest& p) {
  return cursor_rows(
      tx.exec("following_page", account_id, p.max_id, p.min_id.value_or(p.since_id), p.limit));
}

CursorRows SocialRepository::follow_requests(Tx& tx, std::int64_t account_id,
                                             const domain::PageRequest& p) {
  return cursor_rows(tx.exec("follow_requests_page", account_id, p.max_id,
                             p.min_id.value_or(p.since_id), p.limit));
}

FollowCounts SocialRepository::follow_counts(Tx& tx, std::int64_t account_id) {
  auto row = tx.exec1("follow_counts", account_id);
  return {row[0].as<std::int64_t>(), row[1].as<std::int64_t>()};
}

void SocialRepository::block(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                             std::int64_t target) {
  tx.exec("block_insert", row_id, account_id, target);
  // A block ends following in both directions, as in Mastodon.
  unfollow(tx, account_id, target);
  unfollow(tx, target, account_id);
}

void SocialRepository::unblock(Tx& tx, std::int64_t account_id, std::int64_t target) {
  tx.exec("block_delete", account_id, target);
}

void SocialRepository::mute(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                            std::int64_t target, bool notifications, std::int64_t duration) {
  tx.exec("mute_insert", row_id, account_id, target, notifications, duration);
}

void SocialRepository::unmute(Tx& tx, std::int64_t account_id, std::int64_t target) {
  tx.exec("mute_delete", account_id, target);
}

bool SocialRepository::notify(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                              std::int64_t from_account_id, const std::string& type,
                              std::optional<std::int64_t> status_id) {
  return tx.exec("notification_insert", row_id, account_id, from_account_id, type, status_id)
             .affected_rows() == 1;
}

std::vector<domain::Notification> SocialRepository::notifications(
    Tx& tx, std::int64_t account_id, const domain::NotificationFilter& f,
    const domain::PageRequest& p) {
  std::vector<domain::Notification> out;
  for (const auto& row :
       tx.exec("notifications_page", account_id, p.max_id, p.min_id.value_or(p.since_id), p.limit,
               to_pg_text_array(f.types), to_pg_text_array(f.exclude_types), f.account_id)) {
    out.push_back(read_notification(row));
  }
  return out;
}

std::optional<domain::Notification> SocialRepository::notification(Tx& tx, std::int64_t account_id,
                                                                   std::int64_t id) {
  auto r = tx.exec("notification_get", account_id, id);
  if (r.empty()) return std::nullopt;
  return read_notification(r[0]);
}

void SocialRepository::dismiss(Tx& tx, std::int64_t account_id, std::int64_t id) {
  tx.exec("notification_dismiss", account_id, id);
}

void SocialRepository::clear(Tx& tx, std::int64_t account_id) {
  tx.exec("notifications_clear", account_id);
}

std::vector<FamiliarFollower> SocialRepository::familiar_followers(
    Tx& tx, std::int64_t viewer, const std::vector<std::int64_t>& targets, int limit) {
  std::vector<FamiliarFollower> out;
  for (const auto& row :
       tx.exec("familiar_followers", viewer, to_pg_bigint_array(targets), limit)) {
    out.push_back({row[0].as<std::int64_t>(), row[1].as<std::int64_t>()});
  }
  return out;
}

bool SocialRepository::endorse(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                               std::int64_t target) {
  return tx.exec1("endorse", row_id, account_id, target)[0].as<bool>();
}
void SocialRepository::unendorse(Tx& tx, std::int64_t account_id, std::int64_t target) {
  tx.exec("unendorse", account_id, target);
}
CursorRows SocialRepository::endorsements(Tx& tx, std::int64_t account_id,
                                          const domain::PageRequest& p) {
  return cursor_rows(
      tx.exec("endorsements_page", account_id, p.max_id, p.min_id.value_or(p.since_id), p.limit));
}

std::int64_t SocialRepository::unread_notifications(Tx& tx, std::int64_t account_id, int limit) {
  return tx.exec1("unread_notifications", account_id, limit)[0].as<std::int64_t>();
}

namespace {
std::vector<std::int64_t> id_column(const pqxx::result& r) {
  std::vector<std::int64_t> out;
  for (const auto& row : r) out.push_back(row[0].as<std::int64_t>());
  return out;
}
}  // namespace

std::vector<std::int64_t> SocialRepository::subscribers(Tx& tx, std::int64_t status_id) {
  return id_column(tx.exec("notify_subscribers", status_id));
}
std::vector<std::int64_t> SocialRepository::rebloggers(Tx& tx, std::int64_t status_id) {
  return id_column(tx.exec("rebloggers_of", status_id));
}

void SocialRepository::block_domain(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                                    const std::string& domain) {
  tx.exec("domain_block_add", row_id, account_id, domain);
}
void SocialRepository::unblock_domain(Tx& tx, std::int64_t account_id, const std::string& domain) {
  tx.exec("domain_block_remove", account_id, domain);
}
std::vector<domain::BlockedDomain> SocialRepository::blocked_domains(
    Tx& tx, std::int64_t account_id, const domain::PageRequest& page) {
  std::vector<domain::BlockedDomain> out;
  for (const auto& row : tx.exec("domain_blocks_page", account_id, page.max_id,
                                 page.min_id.value_or(page.since_id), page.limit)) {
    out.emplace_back(row[0].as<std::int64_t>(), row[1].as<std::string>());
  }
  return out;
}

}  // namespace lox::db
