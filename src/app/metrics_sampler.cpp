#include "app/metrics_sampler.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/db/job_repository.hpp>

#include <spdlog/spdlog.h>

#include <array>
#include <map>
#include <string>

namespace lox::app {

MetricsSampler::MetricsSampler(db::Database& db, Metrics& metrics, std::chrono::seconds interval)
    : db_(db), metrics_(metrics), interval_(interval) {
  log_ = spdlog::get("lox.app");
  if (!log_) log_ = spdlog::default_logger();
}

awaitable<void> MetricsSampler::run() {
  timer_ = std::make_unique<asio::steady_timer>(co_await asio::this_coro::executor);
  while (!stopping_) {
    try {
      co_await sample_jobs();
      // The hosts' list is longer than the job counts and changes by the day: less often.
      if (round_++ % 4 == 0) co_await sample_delivery_hosts();
    } catch (const std::exception& e) {
      // The database may be down for a while; /health says so, the gauges keep their values.
      log_->debug("sampling metrics from the database: {}", e.what());
    }
    timer_->expires_after(interval_);
    boost::system::error_code ec;
    co_await timer_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

void MetricsSampler::stop() {
  stopping_ = true;
  if (timer_) timer_->cancel();
}

awaitable<void> MetricsSampler::sample_jobs() {
  auto counts =
      co_await db_.read([](db::Tx& tx) { return db::JobRepository::counts_by_state(tx); });
  // Every state is set, so a state that emptied reads 0 rather than its last count.
  static constexpr std::array<const char*, 4> kStates = {"available", "retryable", "running",
                                                         "discarded"};
  for (const char* state : kStates) {
    auto it = counts.find(state);
    metrics_.set_jobs_in_state(state, it == counts.end() ? 0.0 : static_cast<double>(it->second));
  }
  auto queues = co_await db_.read([](db::Tx& tx) { return db::JobRepository::queue_by_kind(tx); });
  // A kind whose queue emptied since the last round reads 0, not its last backlog.
  for (const auto& kind : queued_kinds_) {
    if (!queues.contains(kind)) metrics_.set_job_queue(kind, 0, 0);
  }
  queued_kinds_.clear();
  for (const auto& [kind, stats] : queues) {
    metrics_.set_job_queue(kind, static_cast<double>(stats.waiting), stats.oldest_age_seconds);
    queued_kinds_.insert(kind);
  }
}

awaitable<void> MetricsSampler::sample_delivery_hosts() {
  auto hosts = co_await db_.read([](db::Tx& tx) { return db::DeliveryHostRepository::list(tx); });
  double unavailable = 0;
  for (const auto& host : hosts) unavailable += host.unavailable ? 1 : 0;
  metrics_.set_delivery_hosts(static_cast<double>(hosts.size()), unavailable);
}

}  // namespace lox::app
