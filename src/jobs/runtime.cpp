#include <loxodon/db/database.hpp>
#include <loxodon/db/job_repository.hpp>
#include <loxodon/db/listener.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/jobs/runtime.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/process_name.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <set>

namespace lox::jobs {

namespace {

struct Heartbeat {
  explicit Heartbeat(asio::any_io_executor ex) : timer(ex) {}
  asio::steady_timer timer;
  bool done = false;
};

}  // namespace

struct Runtime::Impl {
  Impl(db::Database& d, asio::any_io_executor ex, RuntimeOptions o)
      : db(d), executor(ex), options(std::move(o)), reaper_timer(ex) {
    if (options.worker_id.empty()) options.worker_id = process_name(3);
    log = spdlog::get("lox.jobs");
    if (!log) log = spdlog::default_logger();
  }

  db::Database& db;
  asio::any_io_executor executor;
  RuntimeOptions options;
  std::unordered_map<std::string, Handler> handlers;
  std::vector<JobCatalogueEntry> catalogue;
  std::shared_ptr<spdlog::logger> log;

  bool started = false;
  bool stopping = false;
  std::size_t live_tasks = 0;  // worker loops, reaper and listener still running
  std::size_t running = 0;
  std::map<std::int64_t, int> running_attempts;  // job id -> attempt held by this process
  std::uint64_t completed = 0;
  std::set<asio::steady_timer*> idle_timers;
  asio::steady_timer reaper_timer;
  std::unique_ptr<db::Listener> listener;
  bool claim_error_logged = false;

  // Jobs whose handlers succeeded, waiting to be deleted from the queue: one statement records
  // all that finished while the previous one ran (`completing`), instead of a transaction each.
  struct Finished {
    std::int64_t id = 0;
    std::int64_t attempt = 0;
    std::string kind;
    long long ms = 0;
  };
  std::vector<Finished> to_complete;
  bool completing = false;

  bool wake_pending = false;
  std::size_t finished_since_vacuum = 0;
  bool vacuuming = false;
  std::chrono::steady_clock::time_point
      last_vacuum{};  // a wake-up that arrived while the dispatcher was claiming

  void wake() {
    wake_pending = true;
    for (auto* timer : idle_timers) timer->cancel();
  }
};

namespace {

using ImplPtr = std::shared_ptr<Runtime::Impl>;

void log_exception(const ImplPtr& s, const char* what, std::exception_ptr e) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    s->log->error("{} ended with an error: {}", what, ex.what());
  }
}

awaitable<void> heartbeat(ImplPtr s, Job job, std::shared_ptr<Heartbeat> hb) {
  auto interval = std::max(std::chrono::seconds(1), s->options.lease / 3);
  auto give_up_at = std::chrono::steady_clock::now() + s->options.max_runtime;
  while (!hb->done) {
    if (std::chrono::steady_clock::now() >= give_up_at) {
      s->log->error("job={} kind={} still running after {}s; letting its lease expire", job.id,
                    job.kind, s->options.max_runtime.count());
      break;
    }
    hb->timer.expires_after(interval);
    boost::system::error_code ec;
    co_await hb->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (hb->done) break;
    try {
      bool held = co_await s->db.tx([&](db::Tx& tx) {
        return db::JobRepository::extend_lease(tx, job.id, s->options.worker_id, job.attempt,
                                               s->options.lease);
      });
      if (!held) {
        s->log->warn("job={} kind={} lease was lost; another worker may run it", job.id, job.kind);
        break;
      }
    } catch (const std::exception& e) {
      s->log->warn("job={} could not extend its lease: {}", job.id, e.what());
    }
  }
}

// Counted when the handler ends, whether or not the outcome could be stored: what ran is what
// an operator wants to see.
void record_attempt(const Runtime::Impl& s, const Job& job, bool ok, bool permanent,
                    std::chrono::steady_clock::duration took) {
  if (s.options.metrics == nullptr) return;
  JobOutcome outcome = JobOutcome::kCompleted;
  if (!ok) {
    outcome = permanent || job.attempt >= job.max_attempts ? JobOutcome::kDiscarded
                                                           : JobOutcome::kRetrying;
  }
  s.options.metrics->record_job(job.kind, outcome, std::chrono::duration<double>(took).count());
}

// Whether enough slots are free for a claim to be worth it: waking on every finish would turn a
// busy queue into one claim per job; a quarter of the slots is a batch.
bool batch_of_slots_free(const Runtime::Impl& s) {
  const std::size_t idle = s.options.workers - s.running;
  return idle >= std::max<std::size_t>(1, s.options.workers / 4) || s.running == 0;
}

// Deletes the finished jobs from the queue, all that finished meanwhile in one autocommit
// statement per round: under load a round carries many, and alone a job is recorded at once.
// A crash before a round leaves those jobs leased; they run again when the lease expires
// (at-least-once, as for a crash inside a handler).
awaitable<void> complete_finished(ImplPtr s) {
  while (!s->to_complete.empty()) {
    auto batch = std::move(s->to_complete);
    s->to_complete.clear();
    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> attempts;
    for (const auto& f : batch) {
      ids.push_back(f.id);
      attempts.push_back(f.attempt);
    }
    try {
      auto done = co_await s->db.read([&](db::Tx& tx) {
        return db::JobRepository::complete_many(tx, ids, attempts, s->options.worker_id);
      });
      std::set<std::int64_t> recorded(done.begin(), done.end());
      // A claim that ran meanwhile still counted these against their concurrency keys: claim
      // again when a batch's worth of slots is free (the rule a finished handler follows).
      if (!recorded.empty() && batch_of_slots_free(*s)) s->wake();
      for (const auto& f : batch) {
        if (!recorded.contains(f.id)) {
          s->log->warn("job={} kind={} finished after its lease was taken over", f.id, f.kind);
          continue;
        }
        ++s->completed;
        s->log->debug("job={} kind={} attempt={} done in {}ms", f.id, f.kind, f.attempt, f.ms);
      }
    } catch (const std::exception& e) {
      // The leases will expire and the reaper will hand the jobs out again: at-least-once.
      s->log->error("{} finished job(s) could not be recorded: {}", batch.size(), e.what());
    }
  }
  s->completing = false;
}

void queue_completion(const ImplPtr& s, const Job& job, long long ms) {
  s->to_complete.push_back({job.id, job.attempt, job.kind, ms});
  if (s->completing) return;  // the running round's loop takes it
  s->completing = true;
  ++s->live_tasks;  // stop() waits until what finished is recorded
  asio::co_spawn(s->executor, complete_finished(s), [s](std::exception_ptr e) {
    log_exception(s, "job completion", e);
    --s->live_tasks;
  });
}

awaitable<void> run_job(ImplPtr s, Job job) {
  s->running_attempts[job.id] = job.attempt;
  auto started = std::chrono::steady_clock::now();
  auto hb = std::make_shared<Heartbeat>(s->executor);
  asio::co_spawn(s->executor, heartbeat(s, job, hb),
                 [s](std::exception_ptr e) { log_exception(s, "job heartbeat", e); });

  bool ok = false;
  bool permanent = false;
  std::string error;
  auto handler = s->handlers.find(job.kind);
  if (handler == s->handlers.end()) {
    // Retry rather than discard: during a rolling upgrade another process may know this kind.
    error = "no handler registered for kind '" + job.kind + "'";
  } else {
    try {
      co_await handler->second(job);
      ok = true;
    } catch (const PermanentError& e) {
      permanent = true;
      error = e.what();
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  // Remote error texts can carry arbitrary bytes; PostgreSQL rejects invalid UTF-8, which would
  // lose the outcome and skip the backoff.
  error = to_valid_utf8(error);
  hb->done = true;
  hb->timer.cancel();

  const auto took = std::chrono::steady_clock::now() - started;
  record_attempt(*s, job, ok, permanent, took);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
  if (ok) {
    queue_completion(s, job, ms);
    --s->running;
    s->running_attempts.erase(job.id);
    co_return;
  }
  try {
    bool recorded = co_await s->db.tx([&](db::Tx& tx) {
      return db::JobRepository::fail(tx, job.id, s->options.worker_id, job.attempt, error,
                                     permanent);
    });
    if (!recorded) {
      s->log->warn("job={} kind={} finished after its lease was taken over", job.id, job.kind);
    } else {
      bool last = permanent || job.attempt >= job.max_attempts;
      s->log->warn("job={} kind={} attempt={}/{} failed in {}ms: {}{}", job.id, job.kind,
                   job.attempt, job.max_attempts, ms, error,
                   last ? " (discarded)" : " (will retry)");
    }
  } catch (const std::exception& e) {
    // The lease will expire and the reaper will hand the job out again: at-least-once.
    s->log->error("job={} kind={} outcome could not be recorded: {}", job.id, job.kind, e.what());
  }
  --s->running;
  s->running_attempts.erase(job.id);
}

awaitable<void> vacuum(ImplPtr s) {
  try {
    co_await s->db.read([](db::Tx& tx) { db::JobRepository::vacuum(tx); });
  } catch (const std::exception& e) {
    s->log->debug("vacuuming the jobs table: {}", e.what());
  }
  s->vacuuming = false;
  s->last_vacuum = std::chrono::steady_clock::now();
  --s->live_tasks;
}

void count_finished(const ImplPtr& s) {
  if (s->options.vacuum_after_jobs == 0) return;
  if (++s->finished_since_vacuum < s->options.vacuum_after_jobs || s->vacuuming) return;
  if (std::chrono::steady_clock::now() - s->last_vacuum < std::chrono::seconds(1)) return;
  s->finished_since_vacuum = 0;
  s->vacuuming = true;
  ++s->live_tasks;  // stop() waits for it: it uses the database
  asio::co_spawn(s->executor, vacuum(s), asio::detached);
}

// Claims jobs in batches as slots free up and runs each in its own coroutine: one claim
// transaction serves many jobs, and jobs that wait on the network do not hold up others.
awaitable<void> dispatcher_loop(ImplPtr s) {
  asio::steady_timer timer(s->executor);
  while (!s->stopping) {
    std::vector<Job> claimed;
    bool failed = false;
    std::size_t free = s->options.workers > s->running ? s->options.workers - s->running : 0;
    std::size_t limit = std::min(free, s->options.claim_batch);
    s->wake_pending = false;
    if (limit > 0) {
      try {
        claimed = co_await s->db.tx([&](db::Tx& tx) {
          return db::JobRepository::claim(tx, s->options.queues, s->options.worker_id,
                                          s->options.lease, static_cast<int>(limit),
                                          static_cast<int>(s->options.per_key_concurrency));
        });
        s->claim_error_logged = false;
      } catch (const std::exception& e) {
        failed = true;
        if (!s->claim_error_logged) {
          s->log->warn("cannot claim jobs: {}", e.what());
          s->claim_error_logged = true;
        }
      }
    }
    if (s->stopping && !claimed.empty()) {
      // Claimed just as the stop began: hand exactly these back untouched.
      co_await s->db.tx([&](db::Tx& tx) {
        for (const auto& job : claimed) {
          db::JobRepository::release(tx, job.id, s->options.worker_id, job.attempt);
        }
      });
      break;
    }
    for (auto& job : claimed) {
      ++s->running;  // counted before the coroutine starts so the next claim sees it
      ++s->live_tasks;
      asio::co_spawn(s->executor, run_job(s, std::move(job)), [s](std::exception_ptr e) {
        log_exception(s, "job", e);
        --s->live_tasks;
        count_finished(s);
        // Slots (and perhaps a concurrency key) are free again.
        if (batch_of_slots_free(*s)) s->wake();
      });
    }
    // Fewer than asked for means nothing more can be claimed right now.
    if (claimed.size() < limit || limit == 0) {
      if (s->stopping) break;  // stop() may have rung while claiming
      if (s->wake_pending && !failed) continue;
      // Woken by a NOTIFY, a finished job or stop(); polling covers delayed jobs (run_at).
      timer.expires_after(failed ? std::chrono::seconds(1) : s->options.poll_interval);
      s->idle_timers.insert(&timer);
      boost::system::error_code ec;
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      s->idle_timers.erase(&timer);
    }
  }
}

awaitable<void> reaper_loop(ImplPtr s) {
  while (!s->stopping) {
    try {
      auto reaped =
          co_await s->db.tx([](db::Tx& tx) { return db::JobRepository::reap_expired(tx); });
      if (reaped > 0) {
        s->log->warn("re-queued {} job(s) whose worker stopped before finishing", reaped);
        s->wake();
      }
    } catch (const std::exception& e) {
      s->log->debug("reaper: {}", e.what());
    }
    if (s->stopping) break;
    s->reaper_timer.expires_after(s->options.reaper_interval);
    boost::system::error_code ec;
    co_await s->reaper_timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

}  // namespace

Runtime::Runtime(db::Database& db, asio::any_io_executor executor, RuntimeOptions options)
    : impl_(std::make_shared<Impl>(db, executor, std::move(options))) {}

Runtime::~Runtime() = default;

void Runtime::register_handler(const std::string& kind, Handler handler) {
  impl_->handlers[kind] = std::move(handler);
}

void Runtime::add_to_catalogue(JobCatalogueEntry entry) {
  std::erase_if(impl_->catalogue, [&](const JobCatalogueEntry& e) { return e.name == entry.name; });
  impl_->catalogue.push_back(std::move(entry));
}

std::vector<JobCatalogueEntry> Runtime::catalogue() const {
  auto out = impl_->catalogue;
  std::sort(out.begin(), out.end(),
            [](const JobCatalogueEntry& a, const JobCatalogueEntry& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> Runtime::kinds() const {
  std::vector<std::string> out;
  for (const auto& entry : impl_->handlers) out.push_back(entry.first);
  std::sort(out.begin(), out.end());
  return out;
}

void Runtime::start() {
  auto s = impl_;
  if (s->started) return;
  s->started = true;
  auto finished = [s](const char* what) {
    return [s, what](std::exception_ptr e) {
      log_exception(s, what, e);
      --s->live_tasks;
    };
  };
  // A weak reference: the listener is owned by Impl, and a strong one would keep both alive.
  std::weak_ptr<Impl> weak = s;
  s->listener = std::make_unique<db::Listener>(s->db, s->executor, "loxodon_jobs",
                                               [weak](const std::string&) {
                                                 if (auto impl = weak.lock()) impl->wake();
                                               });
  ++s->live_tasks;
  asio::co_spawn(s->executor, s->listener->run(), finished("job listener"));
  ++s->live_tasks;
  asio::co_spawn(s->executor, reaper_loop(s), finished("job reaper"));
  if (s->options.workers > 0) {
    ++s->live_tasks;
    asio::co_spawn(s->executor, dispatcher_loop(s), finished("job dispatcher"));
  }
  s->log->info("job workers started: up to {} concurrent job(s), id {}, lease {}s",
               s->options.workers, s->options.worker_id, s->options.lease.count());
}

awaitable<void> Runtime::stop() {
  auto s = impl_;
  if (!s->started || s->stopping) co_return;
  s->stopping = true;
  if (s->listener) s->listener->stop();
  s->reaper_timer.cancel();
  s->wake();
  auto deadline = std::chrono::steady_clock::now() + s->options.drain_timeout;
  asio::steady_timer timer(s->executor);
  while (s->live_tasks > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  if (s->running > 0) {
    try {
      auto abandoned = s->running_attempts;  // only jobs whose handlers are still running
      auto released = co_await s->db.tx([&](db::Tx& tx) {
        int n = 0;
        for (const auto& [id, attempt] : abandoned) {
          n += db::JobRepository::release(tx, id, s->options.worker_id, attempt) ? 1 : 0;
        }
        return n;
      });
      s->log->warn("stopped with {} job(s) still running; released {} for other workers",
                   s->running, released);
    } catch (const std::exception& e) {
      s->log->error("could not release running jobs ({}); they run again when leases expire",
                    e.what());
    }
  }
  s->log->info("job workers stopped");
}

void Runtime::wake() { impl_->wake(); }
const std::string& Runtime::worker_id() const { return impl_->options.worker_id; }
std::size_t Runtime::running_jobs() const { return impl_->running; }
std::uint64_t Runtime::completed_jobs() const { return impl_->completed; }

}  // namespace lox::jobs
