#include "test_database.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/runtime.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <map>
#include <thread>

namespace lox::jobs {
namespace {

using lox::testing::TestDatabase;
using namespace std::chrono_literals;

struct Payload {
  std::string text;
  int number = 0;
};
void from_json(const nlohmann::json& j, Payload& p) {
  p.text = j.at("text").get<std::string>();
  p.number = j.at("number").get<int>();
}

// A Runtime on its own io thread, as `serve` runs it on the federation loop.
class RuntimeHarness {
 public:
  RuntimeHarness(db::Database& db, RuntimeOptions options)
      : guard_(asio::make_work_guard(io_)), runtime_(db, io_.get_executor(), std::move(options)) {}
  ~RuntimeHarness() {
    stop();
    guard_.reset();
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }
  Runtime& runtime() { return runtime_; }
  void start() {
    thread_ = std::thread([this] { io_.run(); });
    asio::post(io_, [this] { runtime_.start(); });
  }
  void stop() {
    if (stopped_ || !thread_.joinable()) return;
    stopped_ = true;
    std::promise<void> done;
    asio::co_spawn(io_, runtime_.stop(), [&](std::exception_ptr) { done.set_value(); });
    done.get_future().wait();
  }

 private:
  asio::io_context io_{1};
  asio::executor_work_guard<asio::io_context::executor_type> guard_;
  Runtime runtime_;
  std::thread thread_;
  bool stopped_ = false;
};

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return condition();
}

class JobRuntimeTest : public ::testing::Test {
 protected:
  JobRuntimeTest() : db_(lox::testing::pool_options(tdb_.url(), 3)) {}
  RuntimeOptions options() {
    RuntimeOptions o;
    o.workers = 2;
    o.lease = 30s;
    o.poll_interval = 60s;  // only NOTIFY can wake the workers quickly
    o.reaper_interval = 1s;
    o.drain_timeout = 10s;
    return o;
  }
  void enqueue(const std::string& kind, nlohmann::json payload = nlohmann::json::object(),
               int max_attempts = 17) {
    NewJob job;
    job.kind = kind;
    job.payload = std::move(payload);
    job.max_attempts = max_attempts;
    db_.tx_sync([&](db::Tx& tx) { jobs::enqueue(tx, job); });
  }
  TestDatabase tdb_;
  db::Database db_;
};

TEST_F(JobRuntimeTest, NotifyWakesIdleWorkersAndTypedHandlersGetTheirPayload) {
  RuntimeHarness h(db_, options());
  std::promise<Payload> seen;
  h.runtime().register_typed<Payload>("test.typed", [&](const Job&, Payload p) -> awaitable<void> {
    seen.set_value(p);
    co_return;
  });
  h.start();
  std::this_thread::sleep_for(500ms);  // workers are idle, waiting 60 s for the next poll
  auto started = std::chrono::steady_clock::now();
  enqueue("test.typed", {{"text", "hello"}, {"number", 42}});
  auto future = seen.get_future();
  ASSERT_EQ(future.wait_for(5s), std::future_status::ready);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  Payload p = future.get();
  EXPECT_EQ(p.text, "hello");
  EXPECT_EQ(p.number, 42);
  EXPECT_TRUE(eventually([&] { return tdb_.count("SELECT count(*) FROM jobs") == 0; }, 5s));
}

TEST_F(JobRuntimeTest, JobsShareSlotsButAKeyNeverRunsMoreThanTwiceAtOnce) {
  auto o = options();
  o.workers = 8;
  o.claim_batch = 4;
  RuntimeHarness h(db_, o);
  // Handlers sleep on a timer, so jobs overlap as deliveries waiting on the network do.
  std::map<std::string, int> running;
  std::map<std::string, int> peak;
  int overall = 0;
  int overall_peak = 0;
  std::atomic<int> done{0};
  h.runtime().register_handler("test.slow", [&](const Job& job) -> awaitable<void> {
    std::string key = job.payload.at("key");
    ++running[key];
    ++overall;
    peak[key] = std::max(peak[key], running[key]);
    overall_peak = std::max(overall_peak, overall);
    asio::steady_timer timer(co_await asio::this_coro::executor, 30ms);
    co_await timer.async_wait(asio::use_awaitable);
    --running[key];
    --overall;
    ++done;
  });
  for (int i = 0; i < 40; ++i) {
    NewJob job;
    job.kind = "test.slow";
    std::string key = i < 20 ? "busy.example" : "host" + std::to_string(i % 5);
    job.payload = {{"key", key}};
    job.concurrency_key = "deliver:" + key;
    db_.tx_sync([&](db::Tx& tx) { jobs::enqueue(tx, job); });
  }
  h.start();
  ASSERT_TRUE(eventually([&] { return done.load() == 40; }, 20s)) << done.load();
  h.stop();  // handlers ran on the harness thread; read their records after it stopped
  for (const auto& [key, n] : peak) EXPECT_LE(n, 2) << key;
  EXPECT_EQ(peak["busy.example"], 2);
  EXPECT_GT(overall_peak, 2);  // other hosts ran beside the busy one
  EXPECT_LE(overall_peak, 8);
}

TEST_F(JobRuntimeTest, FailuresAreRetriedOrDiscardedAsTheHandlerSays) {
  RuntimeHarness h(db_, options());
  h.runtime().register_handler("test.flaky", [](const Job&) -> awaitable<void> {
    throw RetryableError("remote answered 503");
    co_return;
  });
  h.runtime().register_handler("test.gone", [](const Job&) -> awaitable<void> {
    throw PermanentError("remote answered 410");
    co_return;
  });
  h.runtime().register_handler("test.last", [](const Job&) -> awaitable<void> {
    throw std::runtime_error("boom");
    co_return;
  });
  enqueue("test.flaky");
  enqueue("test.gone");
  enqueue("test.last", {}, 1);
  enqueue("test.unknown");
  h.start();
  ASSERT_TRUE(eventually(
      [&] {
        return tdb_.count("SELECT count(*) FROM jobs WHERE state = 'running'") == 0 &&
               tdb_.count("SELECT count(*) FROM jobs WHERE attempt = 1") == 4;
      },
      5s));
  EXPECT_EQ(tdb_.scalar("SELECT state || ':' || last_error FROM jobs WHERE kind = 'test.flaky'"),
            "retryable:remote answered 503");
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs WHERE kind = 'test.gone'"), "discarded");
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs WHERE kind = 'test.last'"), "discarded");
  // A kind this process does not know may be known to a newer one: retried, not dropped.
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs WHERE kind = 'test.unknown'"), "retryable");
  EXPECT_NE(
      tdb_.scalar("SELECT last_error FROM jobs WHERE kind = 'test.unknown'").find("no handler"),
      std::string::npos);
}

TEST_F(JobRuntimeTest, HeartbeatKeepsALongJobFromRunningTwice) {
  RuntimeOptions o = options();
  o.lease = 2s;  // the job takes 5 s: only the heartbeat keeps the lease alive
  std::atomic<int> runs{0};
  auto long_job = [&](const Job&) -> awaitable<void> {
    ++runs;
    asio::steady_timer t(co_await asio::this_coro::executor, 5s);
    co_await t.async_wait(asio::use_awaitable);
  };
  RuntimeHarness a(db_, o);
  RuntimeHarness b(db_, o);  // a competitor whose reaper runs every second
  a.runtime().register_handler("test.long", long_job);
  b.runtime().register_handler("test.long", long_job);
  enqueue("test.long");
  a.start();
  b.start();
  ASSERT_TRUE(eventually([&] { return tdb_.count("SELECT count(*) FROM jobs") == 0; }, 15s));
  EXPECT_EQ(runs.load(), 1);
}

TEST_F(JobRuntimeTest, GracefulStopLetsRunningJobsFinish) {
  RuntimeHarness h(db_, options());
  std::atomic<bool> finished{false};
  h.runtime().register_handler("test.short", [&](const Job&) -> awaitable<void> {
    asio::steady_timer t(co_await asio::this_coro::executor, 800ms);
    co_await t.async_wait(asio::use_awaitable);
    finished = true;
  });
  enqueue("test.short");
  h.start();
  ASSERT_TRUE(eventually(
      [&] { return tdb_.count("SELECT count(*) FROM jobs WHERE state = 'running'") == 1; }, 5s));
  h.stop();
  EXPECT_TRUE(finished.load());
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs"), 0);
}

TEST_F(JobRuntimeTest, StopAfterDrainTimeoutHandsBackUnfinishedJobs) {
  RuntimeOptions o = options();
  o.drain_timeout = 1s;
  RuntimeHarness h(db_, o);
  h.runtime().register_handler("test.stuck", [](const Job&) -> awaitable<void> {
    asio::steady_timer t(co_await asio::this_coro::executor, 30s);
    co_await t.async_wait(asio::use_awaitable);
  });
  enqueue("test.stuck");
  h.start();
  ASSERT_TRUE(eventually(
      [&] { return tdb_.count("SELECT count(*) FROM jobs WHERE state = 'running'") == 1; }, 5s));
  auto started = std::chrono::steady_clock::now();
  h.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  EXPECT_EQ(tdb_.scalar("SELECT state || ':' || attempt FROM jobs"), "available:0");
}

}  // namespace
}  // namespace lox::jobs
