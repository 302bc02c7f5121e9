#include "worker_child.hpp"

#include "tx_sql.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/jobs/runtime.hpp>

#include <boost/asio/signal_set.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace lox::testing {

namespace {

awaitable<void> record_run(db::Database& db, const jobs::Job& job, const std::string& worker) {
  int sleep_ms = job.payload.value("sleep_ms", 0);
  if (job.attempt == 1) sleep_ms = job.payload.value("first_attempt_sleep_ms", sleep_ms);
  co_await db.tx([&](db::Tx& tx) {
    exec_sql(tx, "INSERT INTO test_job_runs (job_id, worker, attempt) VALUES (" +
                     std::to_string(job.id) + ", '" + worker + "', " + std::to_string(job.attempt) +
                     ")");
  });
  if (sleep_ms > 0) {
    asio::steady_timer timer(co_await asio::this_coro::executor,
                             std::chrono::milliseconds(sleep_ms));
    co_await timer.async_wait(asio::use_awaitable);
  }
  co_await db.tx([&](db::Tx& tx) {
    exec_sql(tx, "UPDATE test_job_runs SET finished_at = clock_timestamp() WHERE job_id = " +
                     std::to_string(job.id) + " AND worker = '" + worker +
                     "' AND attempt = " + std::to_string(job.attempt));
  });
}

}  // namespace

int run_worker_child(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: --job-worker-child URL LEASE REAPER WORKERS\n");
    return 2;
  }
  auto logger = spdlog::stderr_color_mt("lox.jobs");
  logger->set_level(spdlog::level::info);

  db::DatabaseOptions dbo;
  dbo.url = argv[0];
  dbo.pool_size = 2;
  db::Database db(dbo);
  asio::io_context io{1};
  jobs::RuntimeOptions o;
  o.lease = std::chrono::seconds(std::stoi(argv[1]));
  o.reaper_interval = std::chrono::seconds(std::stoi(argv[2]));
  o.workers = static_cast<std::size_t>(std::stoi(argv[3]));
  o.poll_interval = std::chrono::seconds(1);
  o.drain_timeout = std::chrono::seconds(10);
  jobs::Runtime runtime(db, io.get_executor(), o);
  const std::string worker = runtime.worker_id();
  runtime.register_handler(
      "test.record", [&db, worker](const jobs::Job& job) { return record_run(db, job, worker); });

  asio::signal_set signals(io, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code&, int) {
    asio::co_spawn(io, runtime.stop(), [&](std::exception_ptr) { io.stop(); });
  });
  asio::post(io, [&] { runtime.start(); });
  io.run();
  return 0;
}

}  // namespace lox::testing
