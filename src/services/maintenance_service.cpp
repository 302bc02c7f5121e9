#include <loxodon/db/job_repository.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/services/maintenance_service.hpp>

namespace lox::services {

void to_json(nlohmann::json& j, const MaintenanceService::PrunePayload& p) {
  j = {{"retention_days", p.retention_days}};
}

void from_json(const nlohmann::json& j, MaintenanceService::PrunePayload& p) {
  p.retention_days = j.value("retention_days", 7);
}

void MaintenanceService::schedule_prune(db::Tx& tx, std::chrono::system_clock::time_point now) {
  auto hour = std::chrono::floor<std::chrono::hours>(now) + std::chrono::hours(1);
  auto delay = std::chrono::duration_cast<std::chrono::seconds>(hour - now);
  jobs::NewJob job;
  job.queue = "maintenance";
  job.kind = kPruneJobsKind;
  job.payload = PrunePayload{};
  job.delay = delay;
  job.max_attempts = 3;
  job.dedupe_key = "prune_jobs:" + std::to_string(hour.time_since_epoch().count());
  jobs::enqueue(tx, job);
}

std::int64_t MaintenanceService::prune(db::Tx& tx, const PrunePayload& payload) {
  return db::JobRepository::delete_discarded_older_than(tx, payload.retention_days);
}

}  // namespace lox::services
