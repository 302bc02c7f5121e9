#pragma once

#include <loxodon/jobs/job_kind.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/jobs/runtime_options.hpp>
#include <loxodon/util/asio.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::jobs {

// Runs durable jobs in this process beside any number of other processes on the same database.
// Workers claim with FOR UPDATE SKIP LOCKED under a lease that a heartbeat extends while the
// handler runs; a process that dies stops its heartbeat, and the reaper in any surviving process
// re-queues the job when the lease has expired. Wake-ups come from LISTEN/NOTIFY, with polling as
// the fallback. The runtime knows no job kinds: the composition root registers handlers.
class Runtime {
 public:
  using Handler = std::function<awaitable<void>(const Job&)>;

  Runtime(db::Database& db, asio::any_io_executor executor, RuntimeOptions options);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  void register_handler(const std::string& kind, Handler handler);

  // Typed form: the payload is converted with nlohmann's from_json for Payload.
  template <class Payload, class F>
  void register_typed(const std::string& kind, F fn) {
    register_handler(kind, [fn = std::move(fn)](const Job& job) -> awaitable<void> {
      Payload payload = job.payload.get<Payload>();
      co_await fn(job, payload);
    });
  }

  // Registers the handler of a catalogued kind: `fn(payload)` for each job of it, the payload
  // converted from the row's JSON (a payload that does not convert fails the attempt).
  template <class Payload, class F>
  void on(const JobKind<Payload>& kind, F fn) {
    add_to_catalogue({kind.name, kind.queue, kind.summary, kind.file});
    register_handler(kind.name, [fn = std::move(fn)](const Job& job) -> awaitable<void> {
      Payload payload = job.payload.get<Payload>();
      co_await fn(std::move(payload));
    });
  }

  // The kinds that have a handler, sorted.
  std::vector<std::string> kinds() const;
  // The kinds registered with on(), sorted by name (docs/jobs.md).
  std::vector<JobCatalogueEntry> catalogue() const;

  // Starts workers, the reaper and the listener on the executor. Call from the executor.
  void start();
  // Stops claiming, waits up to drain_timeout for running jobs, then releases what is still held.
  // Completes once every worker coroutine has ended.
  awaitable<void> stop();

  // Wakes idle workers (e.g. after a NOTIFY).
  void wake();

  const std::string& worker_id() const;
  std::size_t running_jobs() const;
  std::uint64_t completed_jobs() const;

 private:
  void add_to_catalogue(JobCatalogueEntry entry);

 public:
  struct Impl;  // shared with the worker coroutines, which may outlive a stop() call

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace lox::jobs
