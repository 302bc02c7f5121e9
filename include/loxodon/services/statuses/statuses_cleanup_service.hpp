#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/statuses_cleanup_policy.hpp>
#include <loxodon/util/asio.hpp>

#include <cstdint>
#include <optional>

namespace lox::db {
class Database;
}

namespace lox::services {

class StatusService;

// A change to a policy: only what is given changes.
struct StatusesCleanupUpdate {
  std::optional<bool> enabled;
  std::optional<long long> min_status_age_days;
  std::optional<bool> keep_direct;
  std::optional<bool> keep_pinned;
  std::optional<bool> keep_polls;
  std::optional<bool> keep_media;
  std::optional<bool> keep_self_fav;
  std::optional<bool> keep_self_bookmark;
  // A number keeps posts with at least that many; 0 removes the minimum.
  std::optional<long long> min_favs;
  std::optional<long long> min_reblogs;
};

// Automatic deletion of one's old posts, a privacy tool of membership plans. Switching it on
// needs a plan's `privacy_tools`; switching it off, or changing what it keeps, never does, and
// a policy switched on stays on after the membership ends. The hourly maintenance job runs the
// due policies, each deletion going through StatusService as the author's own would
// (federated Delete, streaming, counters).
class StatusesCleanupService {
 public:
  // Posts one account loses in one run, and the runs's total: a first run on a long history
  // spreads over hours instead of flooding other servers with deletions.
  static constexpr int kPerAccountPerRun = 200;
  static constexpr int kPerRun = 2000;

  StatusesCleanupService(const config::Config& config, db::Database& db, StatusService& statuses);

  // The account's policy (off, with Mastodon's defaults, when never set).
  awaitable<domain::StatusesCleanupPolicy> policy(std::int64_t account_id);
  // 422 naming the field for an age outside 7 to 3650 days or a negative minimum, and for
  // switching it on without the perk; nothing changes then.
  awaitable<domain::StatusesCleanupPolicy> update(std::int64_t account_id,
                                                  StatusesCleanupUpdate update);
  // Deletes what the due policies select, within the budgets; returns how many posts went.
  awaitable<std::size_t> run();

 private:
  const config::Config& config_;
  db::Database& db_;
  StatusService& statuses_;
};

}  // namespace lox::services
