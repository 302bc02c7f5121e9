#include <loxodon/db/database.hpp>
#include <loxodon/db/rate_limit_repository.hpp>
#include <loxodon/services/instance/shared_rate_limits.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

namespace {

std::shared_ptr<spdlog::logger> log() {
  auto app = spdlog::get("lox.app");
  return app ? app : spdlog::default_logger();
}

}  // namespace

SharedRateLimits::SharedRateLimits(db::Database& db, domain::RateLimiter& limiter,
                                   std::chrono::milliseconds interval)
    : db_(db), limiter_(limiter), interval_(interval) {}

SharedRateLimits::~SharedRateLimits() = default;

awaitable<bool> SharedRateLimits::exchange() {
  auto unsent = limiter_.take_unsent();
  if (unsent.empty()) co_return true;  // nothing new here: no statement at all
  const auto now = std::chrono::steady_clock::now();
  const bool prune = now >= next_prune_;
  // The current window and the one before stay: a process whose clock runs a little behind
  // may still be adding to it.
  const std::int64_t window = limiter_.window().count();
  const std::int64_t current = std::chrono::duration_cast<std::chrono::seconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count() /
                               window;
  const std::int64_t keep_from = (current - 1) * window;
  try {
    auto totals = co_await db_.tx([&](db::Tx& tx) {
      if (prune) db::RateLimitRepository::delete_before(tx, keep_from);
      return db::RateLimitRepository::add_hits(tx, unsent);
    });
    limiter_.apply_totals(totals);
    if (prune) next_prune_ = now + kPruneEvery;
    if (unreachable_) {
      log()->info("API rate limits are shared across processes again");
      unreachable_ = false;
    }
    co_return true;
  } catch (const std::exception& e) {
    // Any failure (unreachable, a missing table before `loxodon migrate`): limits keep working
    // on this process's own counts, and the hits go out with the next exchange.
    limiter_.restore(unsent);
    if (!unreachable_) {
      log()->warn("API rate limits counted per process until the database answers: {}", e.what());
      unreachable_ = true;
    }
    co_return false;
  }
}

awaitable<void> SharedRateLimits::run() {
  timer_ = std::make_shared<asio::steady_timer>(co_await asio::this_coro::executor);
  auto timer = timer_;  // outlives a stop() racing the last wait
  while (!stopped_) {
    timer->expires_after(interval_);
    boost::system::error_code ec;
    co_await timer->async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (stopped_) break;
    co_await exchange();
  }
}

void SharedRateLimits::stop() {
  stopped_ = true;
  if (timer_) timer_->cancel();
}

}  // namespace lox::services
