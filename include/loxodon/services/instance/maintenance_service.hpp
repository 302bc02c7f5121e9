#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/services/instance/maintenance_job.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace lox::services {

// Housekeeping steps of the hourly maintenance job (MaintenanceJob), and its scheduling.
// Scheduling is idempotent (one pending job per hour slot), so every process can ask for it.
class MaintenanceService {
 public:
  // Enqueues the prune for the next full hour unless one is already pending for it.
  static void schedule_prune(db::Tx& tx, std::chrono::system_clock::time_point now);
  // Enqueues the run after `slot` (called by the run for `slot`, whose own row still exists).
  static void schedule_after(db::Tx& tx, std::int64_t slot,
                             std::chrono::system_clock::time_point now);
  static std::int64_t prune(db::Tx& tx, const PrunePayload& payload);
  // One batch of the remote content retention (`days` > 0): old remote statuses that no local
  // account interacted with. Returns how many went (the caller repeats while it is `batch`).
  static std::int64_t expire_remote_content(db::Tx& tx, int days, int batch);
};

}  // namespace lox::services
