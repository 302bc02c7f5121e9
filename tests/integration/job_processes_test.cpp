// The queue's guarantees across real processes: workers started from this executable
// (--job-worker-child) compete for jobs in one database, and one of them is killed with SIGKILL.
#include "child_process.hpp"
#include "test_database.hpp"
#include "worker_child.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/jobs/job_queue.hpp>

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace lox::jobs {
namespace {

using lox::testing::ChildProcess;
using lox::testing::self_executable;
using lox::testing::TestDatabase;
using namespace std::chrono_literals;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class JobProcessesTest : public ::testing::Test {
 protected:
  JobProcessesTest() : db_(lox::testing::pool_options(tdb_.url(), 1)) {
    tdb_.query(lox::testing::kJobRunsTable);
  }
  void enqueue_many(int n, nlohmann::json payload) {
    db_.tx_sync([&](db::Tx& tx) {
      for (int i = 0; i < n; ++i) {
        NewJob job;
        job.kind = "test.record";
        job.payload = payload;
        jobs::enqueue(tx, job);
      }
    });
  }
  std::unique_ptr<ChildProcess> start_worker(int lease_s, int reaper_s, int workers,
                                             const std::string& log) {
    return std::make_unique<ChildProcess>(
        self_executable(),
        std::vector<std::string>{"--job-worker-child", tdb_.url(), std::to_string(lease_s),
                                 std::to_string(reaper_s), std::to_string(workers)},
        log);
  }
  bool wait_for(const std::string& count_sql, long long expected, std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (tdb_.count(count_sql) == expected) return true;
      std::this_thread::sleep_for(50ms);
    }
    return tdb_.count(count_sql) == expected;
  }
  std::string log_path(const char* name) { return "/tmp/" + tdb_.name() + "_" + name + ".log"; }

  TestDatabase tdb_;
  db::Database db_;
};

TEST_F(JobProcessesTest, TwoProcessesCompeteWithoutLosingOrDoublingJobs) {
  constexpr int kJobs = 300;
  enqueue_many(kJobs, {{"sleep_ms", 5}});
  auto a = start_worker(30, 5, 4, log_path("a"));
  auto b = start_worker(30, 5, 4, log_path("b"));
  bool drained = wait_for("SELECT count(*) FROM jobs", 0, 90s);
  a->signal(SIGTERM);
  b->signal(SIGTERM);
  EXPECT_EQ(a->wait(20s), 0) << read_file(log_path("a"));
  EXPECT_EQ(b->wait(20s), 0) << read_file(log_path("b"));
  ASSERT_TRUE(drained) << read_file(log_path("a")) << read_file(log_path("b"));

  // Every job ran exactly once, to the end, and both processes took a share.
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM test_job_runs"), kJobs);
  EXPECT_EQ(tdb_.count("SELECT count(DISTINCT job_id) FROM test_job_runs"), kJobs);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM test_job_runs WHERE finished_at IS NULL"), 0);
  EXPECT_EQ(tdb_.count("SELECT count(DISTINCT worker) FROM test_job_runs"), 2);
  // No two runs of one job overlapped in time (trivially true with one run each, kept as the
  // invariant this test guards).
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM test_job_runs r1 JOIN test_job_runs r2 "
                       "ON r1.job_id = r2.job_id AND r1.ctid < r2.ctid "
                       "AND r1.started_at < coalesce(r2.finished_at, now()) "
                       "AND r2.started_at < coalesce(r1.finished_at, now())"),
            0);
  std::remove(log_path("a").c_str());
  std::remove(log_path("b").c_str());
}

TEST_F(JobProcessesTest, JobOfAKilledWorkerRunsAgainAfterItsLeaseExpires) {
  // The first attempt would take a minute; the worker is killed while it runs.
  enqueue_many(1, {{"first_attempt_sleep_ms", 60000}, {"sleep_ms", 10}});
  auto victim = start_worker(2, 1, 1, log_path("victim"));
  ASSERT_TRUE(wait_for("SELECT count(*) FROM test_job_runs WHERE attempt = 1", 1, 20s))
      << read_file(log_path("victim"));
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs"), "running");
  victim->signal(SIGKILL);
  EXPECT_EQ(victim->wait(5s), -SIGKILL);
  auto killed_at = std::chrono::steady_clock::now();

  auto survivor = start_worker(2, 1, 1, log_path("survivor"));
  bool rerun = wait_for(
      "SELECT count(*) FROM test_job_runs WHERE attempt = 2 AND finished_at IS NOT NULL", 1, 30s);
  auto waited = std::chrono::steady_clock::now() - killed_at;
  survivor->signal(SIGTERM);
  EXPECT_EQ(survivor->wait(20s), 0) << read_file(log_path("survivor"));
  ASSERT_TRUE(rerun) << read_file(log_path("survivor"));
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs"), 0);
  // The re-run waited for the lease (2 s) rather than racing the dead worker.
  EXPECT_GE(waited, 1s);
  EXPECT_NE(tdb_.scalar("SELECT worker FROM test_job_runs WHERE attempt = 1"),
            tdb_.scalar("SELECT worker FROM test_job_runs WHERE attempt = 2"));
  std::remove(log_path("victim").c_str());
  std::remove(log_path("survivor").c_str());
}

}  // namespace
}  // namespace lox::jobs
