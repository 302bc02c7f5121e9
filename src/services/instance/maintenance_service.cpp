#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/job_repository.hpp>
#include <loxodon/db/sign_in_repository.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/services/instance/maintenance_service.hpp>

#include <algorithm>

namespace lox::services {

namespace {
void enqueue_slot(db::Tx& tx, std::int64_t slot, std::chrono::system_clock::time_point now) {
  auto at = std::chrono::system_clock::time_point(std::chrono::hours(slot));
  // Rounded up, so the job never becomes due before its hour.
  auto delay = std::max(std::chrono::seconds(0), std::chrono::ceil<std::chrono::seconds>(at - now));
  jobs::JobOptions options;
  options.delay = delay;
  options.max_attempts = 3;
  options.dedupe_key = "prune_jobs:" + std::to_string(slot);
  jobs::enqueue(tx, kMaintenanceJob, PrunePayload{7, slot}, options);
}
}  // namespace

void MaintenanceService::schedule_prune(db::Tx& tx, std::chrono::system_clock::time_point now) {
  auto next = std::chrono::floor<std::chrono::hours>(now) + std::chrono::hours(1);
  enqueue_slot(tx, next.time_since_epoch().count(), now);
}

void MaintenanceService::schedule_after(db::Tx& tx, std::int64_t slot,
                                        std::chrono::system_clock::time_point now) {
  auto current = std::chrono::floor<std::chrono::hours>(now).time_since_epoch().count();
  // Catch up to the present after downtime rather than replaying every missed hour.
  enqueue_slot(tx, std::max(slot, current) + 1, now);
}

std::int64_t MaintenanceService::prune(db::Tx& tx, const PrunePayload& payload) {
  db::SignInRepository::prune_attempts(tx);  // sign-in throttling looks back minutes, not days
  return db::JobRepository::delete_discarded_older_than(tx, payload.retention_days);
}

std::int64_t MaintenanceService::expire_remote_content(db::Tx& tx, int days, int batch) {
  if (days <= 0) return 0;
  return db::DeliveryHostRepository::expire_remote_statuses(tx, days, batch);
}

}  // namespace lox::services
