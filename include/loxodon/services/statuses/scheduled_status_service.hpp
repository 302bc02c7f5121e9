#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/scheduled_status.hpp>
#include <loxodon/services/statuses/scheduled_status_job.hpp>
#include <loxodon/services/statuses/status_service.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <vector>

namespace lox::services {

// A post request kept as JSON (Mastodon's ScheduledStatus params) and back.
nlohmann::json post_request_json(const PostRequest& request);
PostRequest post_request_from_json(const nlohmann::json& params);

// What POST /api/v1/statuses produced: a status, or a status scheduled for later.
struct PostOutcome {
  std::optional<StatusPage> posted;
  std::optional<domain::ScheduledStatus> scheduled;
};

// Statuses posted later: validated when scheduled, posted by a durable job when due.
class ScheduledStatusService {
 public:
  // Mastodon's limits: at least five minutes ahead, 300 pending, 25 due on one day.
  static constexpr std::chrono::minutes kMinimumOffset{5};
  static constexpr std::int64_t kTotalLimit = 300;
  static constexpr std::int64_t kDailyLimit = 25;

  // A membership's `max_scheduled_posts` raises the total, and the daily limit with it in
  // Mastodon's proportion (one twelfth).
  ScheduledStatusService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                         StatusService& statuses);

  // Posts now without a time or with one already past (as Mastodon does), schedules otherwise.
  awaitable<PostOutcome> post_or_schedule(domain::UserWithAccount author, PostRequest request,
                                          std::optional<std::chrono::system_clock::time_point> at);
  awaitable<domain::ScheduledStatus> schedule(domain::UserWithAccount author, PostRequest request,
                                              std::chrono::system_clock::time_point at);
  awaitable<std::vector<domain::ScheduledStatus>> list(std::int64_t me, domain::PageRequest page);
  awaitable<domain::ScheduledStatus> get(std::int64_t me, std::int64_t id);
  awaitable<domain::ScheduledStatus> reschedule(std::int64_t me, std::int64_t id,
                                                std::chrono::system_clock::time_point at);
  awaitable<void> cancel(std::int64_t me, std::int64_t id);

  // Job handler: posts the status if it is still scheduled for the time the job was made for.
  awaitable<void> run_publish(ScheduledPublishPayload payload);

 private:
  void check_time(std::chrono::system_clock::time_point at) const;
  // 422 when `counts` reach the account's limits (the instance's, or its membership's).
  void check_limits(db::Tx& tx, std::int64_t account_id, std::int64_t total, std::int64_t same_day,
                    bool adding) const;

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  StatusService& statuses_;
};

}  // namespace lox::services
