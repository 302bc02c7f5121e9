#pragma once

#include <loxodon/util/metrics.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace lox::jobs {

struct RuntimeOptions {
  std::vector<std::string> queues{"default", "fanout", "media",      "deliver",
                                  "inbox",   "fetch",  "maintenance"};
  std::size_t workers = 16;      // jobs run concurrently by this process
  std::size_t claim_batch = 16;  // jobs taken per claim transaction
  // Jobs sharing a concurrency key (deliveries: one per host:port) running at once, all
  // processes together.
  std::size_t per_key_concurrency = 2;
  // After this many finished jobs the process vacuums and analyzes the jobs table (at most once
  // a second): finished jobs leave dead index entries that claims would otherwise scan, and
  // bursts leave statistics that mislead the claim's plan.
  std::size_t vacuum_after_jobs = 1000;
  std::chrono::seconds lease{30};         // a crashed worker's job runs again after this
  std::chrono::seconds poll_interval{5};  // fallback when a NOTIFY is missed; also for run_at
  std::chrono::seconds reaper_interval{10};
  std::chrono::seconds drain_timeout{20};  // graceful stop waits this long for running jobs
  // A handler still running after this long stops being kept alive: its lease runs out and the
  // job is retried (the attempt counts), so a hung handler cannot hold a job forever.
  std::chrono::seconds max_runtime{3600};
  std::string worker_id;       // unique per process; generated when empty
  Metrics* metrics = nullptr;  // attempts by kind and outcome; null: not measured
};

}  // namespace lox::jobs
