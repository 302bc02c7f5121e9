#pragma once

#include <loxodon/jobs/job_queue.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lox::jobs {

// One kind of durable job: its name in the jobs table, the queue its workers take it from, and
// its payload type, which nlohmann's to_json/from_json convert. Each kind is declared once, in
// the `*_job.hpp` of the feature that owns it, beside its enqueue function and its handler; the
// composition root only registers the handlers (Runtime::on).
template <class Payload>
struct JobKind {
  const char* name;
  const char* queue = "default";
  const char* summary = "";  // one line for docs/jobs.md
  // Where the kind is declared (the default is evaluated where the kind is written).
  const char* file = __builtin_FILE();
};

// What docs/jobs.md lists of each registered kind.
struct JobCatalogueEntry {
  std::string name;
  std::string queue;
  std::string summary;
  std::string file;
};

// How one job of a kind is enqueued, when not as soon as possible and without deduplication.
struct JobOptions {
  std::chrono::seconds delay{0};
  // While a job with the same queue and key is waiting or running, enqueueing another is a no-op.
  std::optional<std::string> dedupe_key;
  // Jobs with the same key run at most RuntimeOptions::per_key_concurrency at a time.
  std::optional<std::string> concurrency_key;
  int priority = 100;  // lower runs first
  int max_attempts = 17;
};

// Enqueues a job of `kind` inside the caller's transaction (see jobs::enqueue).
template <class Payload>
std::optional<std::int64_t> enqueue(db::Tx& tx, const JobKind<Payload>& kind,
                                    const Payload& payload, const JobOptions& options = {}) {
  NewJob job;
  job.queue = kind.queue;
  job.kind = kind.name;
  job.payload = payload;
  job.delay = options.delay;
  job.dedupe_key = options.dedupe_key;
  job.concurrency_key = options.concurrency_key;
  job.priority = options.priority;
  job.max_attempts = options.max_attempts;
  return enqueue(tx, job);
}

}  // namespace lox::jobs
