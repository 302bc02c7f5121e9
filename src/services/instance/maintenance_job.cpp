#include <loxodon/db/database.hpp>
#include <loxodon/services/instance/maintenance_job.hpp>
#include <loxodon/services/instance/maintenance_service.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/statuses/statuses_cleanup_service.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

void to_json(nlohmann::json& j, const PrunePayload& p) {
  j = {{"retention_days", p.retention_days}, {"slot", p.slot}};
}

void from_json(const nlohmann::json& j, PrunePayload& p) {
  p.retention_days = j.value("retention_days", 7);
  p.slot = j.value("slot", std::int64_t{0});
}

MaintenanceJob::MaintenanceJob(const config::Config& config, db::Database& db, MediaService& media,
                               StatusesCleanupService& cleanup)
    : config_(config), db_(db), media_(media), cleanup_(cleanup) {
  log_ = spdlog::get("lox.app");
  if (!log_) log_ = spdlog::default_logger();
}

awaitable<std::int64_t> MaintenanceJob::expire_remote_content() {
  constexpr int kBatch = 500;
  std::int64_t expired = 0;
  for (int round = 0; round < 20; ++round) {
    auto n = co_await db_.tx([&](db::Tx& tx) {
      return MaintenanceService::expire_remote_content(tx, config_.remote_content_retention_days,
                                                       kBatch);
    });
    expired += n;
    if (n < kBatch) break;
  }
  co_return expired;
}

awaitable<void> MaintenanceJob::run(PrunePayload p) {
  auto pruned = co_await db_.tx([&](db::Tx& tx) {
    auto n = MaintenanceService::prune(tx, p);
    MaintenanceService::schedule_after(tx, p.slot, std::chrono::system_clock::now());
    return n;
  });
  if (pruned > 0) log_->info("pruned {} discarded job(s)", pruned);
  auto expired = co_await expire_remote_content();
  if (expired > 0) {
    log_->info("removed {} remote status(es) older than {} days that nobody here used", expired,
               config_.remote_content_retention_days);
  }
  auto stale = co_await media_.remove_stale_uploads();
  if (stale > 0) log_->info("removed {} media upload(s) never attached to a status", stale);
  auto cleaned = co_await cleanup_.run();
  if (cleaned > 0) {
    log_->info("deleted {} post(s) by their authors' automatic deletion policies", cleaned);
  }
}

}  // namespace lox::services
