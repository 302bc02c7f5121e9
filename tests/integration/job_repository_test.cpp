#include "test_database.hpp"
#include "tx_sql.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/db/job_repository.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

namespace lox::db {
namespace {

using lox::testing::exec_sql;
using lox::testing::TestDatabase;
using namespace std::chrono_literals;

class JobRepositoryTest : public ::testing::Test {
 protected:
  JobRepositoryTest() : db_(lox::testing::pool_options(tdb_.url(), 2)) {}

  std::int64_t enqueue(const std::string& kind = "k", std::optional<std::string> dedupe = {}) {
    NewJob job;
    job.kind = kind;
    job.payload = {{"n", 1}};
    job.dedupe_key = std::move(dedupe);
    auto id = db_.tx_sync([&](Tx& tx) { return jobs::enqueue(tx, job); });
    return id.value_or(-1);
  }
  std::vector<ClaimedJob> claim(const std::string& worker, int limit = 1,
                                std::chrono::seconds lease = 60s) {
    return db_.tx_sync(
        [&](Tx& tx) { return JobRepository::claim(tx, {"default"}, worker, lease, limit); });
  }

  TestDatabase tdb_;
  Database db_;
};

TEST_F(JobRepositoryTest, EnqueueIsPartOfTheCallersTransaction) {
  EXPECT_THROW(db_.tx_sync([](Tx& tx) {
    NewJob job;
    job.kind = "status.created";
    jobs::enqueue(tx, job);
    throw Error(ErrorCode::kUnprocessable, "business rule failed");
  }),
               Error);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs"), 0);
  enqueue("status.created");
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs"), 1);
}

TEST_F(JobRepositoryTest, DedupeKeyAllowsOnePendingJob) {
  EXPECT_GT(enqueue("deliver", "activity-1|inbox"), 0);
  EXPECT_EQ(enqueue("deliver", "activity-1|inbox"), -1);
  EXPECT_GT(enqueue("deliver", "activity-2|inbox"), 0);
  auto claimed = claim("w1", 10);
  ASSERT_EQ(claimed.size(), 2u);
  for (auto& j : claimed)
    db_.tx_sync([&](Tx& tx) { JobRepository::complete(tx, j.id, "w1", j.attempt); });
  // Finished jobs free the key again.
  EXPECT_GT(enqueue("deliver", "activity-1|inbox"), 0);
}

TEST_F(JobRepositoryTest, ClaimSetsLeaseAndCountsTheAttempt) {
  auto id = enqueue("k");
  auto claimed = claim("w1");
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].id, id);
  EXPECT_EQ(claimed[0].attempt, 1);
  EXPECT_EQ(claimed[0].payload["n"], 1);
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs"), "running");
  EXPECT_EQ(tdb_.scalar("SELECT locked_by FROM jobs"), "w1");
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs WHERE locked_until > now() + interval '50 s'"),
            1);
  EXPECT_TRUE(claim("w2").empty());  // nothing else to claim
}

TEST_F(JobRepositoryTest, ConcurrentClaimersGetDisjointJobs) {
  for (int i = 0; i < 200; ++i) enqueue("k");
  std::vector<std::vector<ClaimedJob>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Database own(lox::testing::pool_options(tdb_.url(), 1));
      for (;;) {
        auto batch = own.tx_sync([&](Tx& tx) {
          return JobRepository::claim(tx, {"default"}, "w" + std::to_string(t), 60s, 7);
        });
        if (batch.empty()) break;
        got[static_cast<std::size_t>(t)].insert(got[static_cast<std::size_t>(t)].end(),
                                                batch.begin(), batch.end());
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::int64_t> ids;
  std::size_t total = 0;
  for (const auto& g : got) {
    total += g.size();
    for (const auto& j : g) ids.insert(j.id);
  }
  EXPECT_EQ(total, 200u);
  EXPECT_EQ(ids.size(), 200u);
}

TEST_F(JobRepositoryTest, ConcurrencyKeyLimitsRunningJobsPerKeyAndSkipsSaturatedKeys) {
  auto keyed = [&](const std::string& key) {
    NewJob job;
    job.kind = "deliver";
    job.concurrency_key = key;
    return db_.tx_sync([&](Tx& tx) { return jobs::enqueue(tx, job); }).value();
  };
  // A backlog for one host queued first must not hold up the others.
  std::vector<std::int64_t> slow;
  for (int i = 0; i < 20; ++i) slow.push_back(keyed("deliver:slow.example"));
  auto other = keyed("deliver:other.example");
  auto plain = enqueue("k");

  auto first = claim("w1", 10);
  std::set<std::int64_t> ids;
  for (const auto& j : first) ids.insert(j.id);
  EXPECT_EQ(first.size(), 4u);  // two of the slow host, the other host, the unkeyed job
  EXPECT_TRUE(ids.count(slow[0]) && ids.count(slow[1]));
  EXPECT_TRUE(ids.count(other) && ids.count(plain));

  // Saturated: no more for the slow host, from this worker or another.
  EXPECT_TRUE(claim("w2", 10).empty());
  // One finishes: exactly one more may start.
  ASSERT_TRUE(db_.tx_sync(
      [&](Tx& tx) { return JobRepository::complete(tx, first[0].id, "w1", first[0].attempt); }));
  auto next = claim("w2", 10);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs WHERE state = 'running' AND concurrency_key = "
                       "'deliver:slow.example'"),
            2);
}

TEST_F(JobRepositoryTest, ConcurrentClaimersNeverExceedTheKeyLimit) {
  for (int i = 0; i < 60; ++i) {
    NewJob job;
    job.kind = "deliver";
    job.concurrency_key = "deliver:host" + std::to_string(i % 3);
    db_.tx_sync([&](Tx& tx) { jobs::enqueue(tx, job); });
  }
  std::atomic<int> worst{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Database own(lox::testing::pool_options(tdb_.url(), 1));
      std::string worker = "w" + std::to_string(t);
      for (int round = 0; round < 40; ++round) {
        auto batch = own.tx_sync(
            [&](Tx& tx) { return JobRepository::claim(tx, {"default"}, worker, 60s, 5); });
        int running = own.tx_sync([](Tx& tx) {
          return exec_sql(tx,
                          "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM jobs "
                          "WHERE state = 'running' GROUP BY concurrency_key) c")[0][0]
              .as<int>();
        });
        int seen = worst.load();
        while (running > seen && !worst.compare_exchange_weak(seen, running)) {
        }
        own.tx_sync([&](Tx& tx) {
          for (const auto& j : batch) JobRepository::complete(tx, j.id, worker, j.attempt);
        });
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(worst.load(), 2);
  EXPECT_GE(worst.load(), 1);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs"), 0);
}

TEST_F(JobRepositoryTest, CompleteAndFailAreFencedByWorkerAndAttempt) {
  enqueue("k");
  auto j = claim("w1").at(0);
  EXPECT_FALSE(
      db_.tx_sync([&](Tx& tx) { return JobRepository::complete(tx, j.id, "w2", j.attempt); }));
  EXPECT_FALSE(
      db_.tx_sync([&](Tx& tx) { return JobRepository::complete(tx, j.id, "w1", j.attempt + 1); }));
  EXPECT_FALSE(db_.tx_sync(
      [&](Tx& tx) { return JobRepository::fail(tx, j.id, "w2", j.attempt, "x", false); }));
  EXPECT_TRUE(
      db_.tx_sync([&](Tx& tx) { return JobRepository::complete(tx, j.id, "w1", j.attempt); }));
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs"), 0);
}

TEST_F(JobRepositoryTest, FailureSchedulesRetryOnMastodonsCurve) {
  enqueue("k");
  auto j = claim("w1").at(0);
  ASSERT_TRUE(db_.tx_sync([&](Tx& tx) {
    return JobRepository::fail(tx, j.id, "w1", j.attempt, "HTTP 503 from remote", false);
  }));
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs"), "retryable");
  EXPECT_EQ(tdb_.scalar("SELECT last_error FROM jobs"), "HTTP 503 from remote");
  EXPECT_EQ(tdb_.scalar("SELECT locked_by FROM jobs"), "");
  // attempt 1: 1^4 + 15 s, plus up to 9 * 2 s of jitter.
  double delay = std::stod(tdb_.scalar("SELECT extract(epoch FROM run_at - now()) FROM jobs"));
  EXPECT_GE(delay, 15.0);
  EXPECT_LE(delay, 16.0 + 18.0 + 1.0);
  EXPECT_TRUE(claim("w1").empty());  // not due yet

  // Attempt 5 waits 5^4 + 15 = 640 s at least.
  tdb_.query("UPDATE jobs SET run_at = now(), attempt = 4");
  j = claim("w1").at(0);
  EXPECT_EQ(j.attempt, 5);
  db_.tx_sync([&](Tx& tx) { JobRepository::fail(tx, j.id, "w1", j.attempt, "again", false); });
  delay = std::stod(tdb_.scalar("SELECT extract(epoch FROM run_at - now()) FROM jobs"));
  EXPECT_GE(delay, 639.0);
  EXPECT_LE(delay, 640.0 + 54.0 + 1.0);
}

TEST_F(JobRepositoryTest, LastAttemptOrPermanentFailureDiscards) {
  NewJob job;
  job.kind = "k";
  job.max_attempts = 2;
  db_.tx_sync([&](Tx& tx) { jobs::enqueue(tx, job); });
  auto j = claim("w1").at(0);
  db_.tx_sync([&](Tx& tx) { JobRepository::fail(tx, j.id, "w1", j.attempt, "first", false); });
  tdb_.query("UPDATE jobs SET run_at = now()");
  j = claim("w1").at(0);
  EXPECT_EQ(j.attempt, 2);
  db_.tx_sync([&](Tx& tx) { JobRepository::fail(tx, j.id, "w1", j.attempt, "second", false); });
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs"), "discarded");
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM jobs WHERE finished_at IS NOT NULL"), 1);

  enqueue("k2");
  j = claim("w1").at(0);
  db_.tx_sync([&](Tx& tx) { JobRepository::fail(tx, j.id, "w1", j.attempt, "HTTP 410", true); });
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs WHERE kind = 'k2'"), "discarded");
}

TEST_F(JobRepositoryTest, ReaperRequeuesExpiredLeasesOnly) {
  enqueue("a");
  enqueue("b");
  auto expired = claim("dead-worker", 1, 1s).at(0);
  auto alive = claim("live-worker", 1, 60s).at(0);
  std::this_thread::sleep_for(1200ms);
  EXPECT_EQ(db_.tx_sync([](Tx& tx) { return JobRepository::reap_expired(tx); }), 1);
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs WHERE id = " + std::to_string(expired.id)),
            "retryable");
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs WHERE id = " + std::to_string(alive.id)),
            "running");
  auto again = claim("new-worker").at(0);
  EXPECT_EQ(again.id, expired.id);
  EXPECT_EQ(again.attempt, 2);
  // The dead worker, should it wake up, can no longer complete the job.
  EXPECT_FALSE(db_.tx_sync([&](Tx& tx) {
    return JobRepository::complete(tx, expired.id, "dead-worker", expired.attempt);
  }));
}

TEST_F(JobRepositoryTest, ExtendLeaseAndReleaseForGracefulStop) {
  enqueue("k");
  auto j = claim("w1", 1, 1s).at(0);
  EXPECT_TRUE(db_.tx_sync(
      [&](Tx& tx) { return JobRepository::extend_lease(tx, j.id, "w1", j.attempt, 60s); }));
  std::this_thread::sleep_for(1200ms);
  EXPECT_EQ(db_.tx_sync([](Tx& tx) { return JobRepository::reap_expired(tx); }), 0);
  EXPECT_FALSE(
      db_.tx_sync([&](Tx& tx) { return JobRepository::release(tx, j.id, "w2", j.attempt); }));
  EXPECT_TRUE(
      db_.tx_sync([&](Tx& tx) { return JobRepository::release(tx, j.id, "w1", j.attempt); }));
  EXPECT_EQ(tdb_.scalar("SELECT state FROM jobs"), "available");
  EXPECT_EQ(tdb_.scalar("SELECT attempt FROM jobs"), "0");  // a handed-back job costs no attempt
}

TEST_F(JobRepositoryTest, InsertNotifiesListeners) {
  pqxx::connection listener(tdb_.url());
  struct Receiver : pqxx::notification_receiver {
    using pqxx::notification_receiver::notification_receiver;
    void operator()(const std::string& payload, int) override { payloads.push_back(payload); }
    std::vector<std::string> payloads;
  } receiver(listener, "loxodon_jobs");
  enqueue("k");
  listener.await_notification(5, 0);
  ASSERT_EQ(receiver.payloads.size(), 1u);
  EXPECT_EQ(receiver.payloads[0], "default");
}

}  // namespace
}  // namespace lox::db
