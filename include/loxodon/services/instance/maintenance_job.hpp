#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/jobs/job_kind.hpp>
#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>

namespace spdlog {
class logger;
}

namespace lox::db {
class Database;
}

namespace lox::services {

class MediaService;
class StatusesCleanupService;

struct PrunePayload {
  int retention_days = 7;
  std::int64_t slot = 0;  // hours since the Unix epoch this run belongs to
};
void to_json(nlohmann::json& j, const PrunePayload& p);
void from_json(const nlohmann::json& j, PrunePayload& p);

// One run an hour, scheduled by MaintenanceService (one pending job per hour slot).
inline constexpr jobs::JobKind<PrunePayload> kMaintenanceJob{
    "maintenance.prune_jobs", "maintenance",
    "hourly housekeeping: old jobs, remote content, stale uploads, automatic post deletion"};

// Runs the hourly housekeeping: prunes discarded jobs and sign-in attempts, expires old remote
// content nobody here used (in batches, so no transaction grows large), removes uploads never
// attached, runs the authors' automatic deletion policies, and schedules the next hour.
class MaintenanceJob {
 public:
  MaintenanceJob(const config::Config& config, db::Database& db, MediaService& media,
                 StatusesCleanupService& cleanup);
  awaitable<void> run(PrunePayload payload);

 private:
  awaitable<std::int64_t> expire_remote_content();

  const config::Config& config_;
  db::Database& db_;
  MediaService& media_;
  StatusesCleanupService& cleanup_;
  std::shared_ptr<spdlog::logger> log_;
};

}  // namespace lox::services
