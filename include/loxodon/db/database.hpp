#pragma once

#include <loxodon/db/database_options.hpp>
#include <loxodon/db/read_from.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/error.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <vector>

namespace lox::db {

class PooledConnection;
struct StatementTexts;

// The bridge between coroutines and libpqxx. Blocking libpqxx calls run on a small thread pool with
// exactly one connection per thread, so checking out a connection never waits on a pool thread;
// the awaiting coroutine resumes on its own executor. A closure passed to tx() runs inside one
// transaction that commits when it returns and rolls back when it throws. Closures are plain
// functions: they never co_await and never do network I/O.
//
// Errors: a lost or unreachable database raises lox::Error(kServiceUnavailable); the broken
// connection is dropped and the next checkout reconnects, so the server recovers by itself.
class Database {
 public:
  explicit Database(DatabaseOptions options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs fn(Tx&) in a read-write transaction on the pool and returns its result.
  template <class F>
  awaitable<std::invoke_result_t<F&, Tx&>> tx(F fn) {
    using R = std::invoke_result_t<F&, Tx&>;
    if constexpr (std::is_void_v<R>) {
      co_await execute([&fn](Tx& t) { fn(t); });
    } else {
      std::optional<R> out;
      co_await execute([&fn, &out](Tx& t) { out.emplace(fn(t)); });
      co_return std::move(*out);
    }
  }

  // Runs fn(Tx&) without BEGIN/COMMIT, each statement on its own: for reads that need no
  // transaction (timelines, lookups), two round trips cheaper than tx(). With ReadFrom::kReplica
  // it runs on the replica when one is set; a replica that fails with kServiceUnavailable (down,
  // timed out, a query cancelled by replay) is skipped for a few seconds and fn runs here.
  template <class F>
  awaitable<std::invoke_result_t<F&, Tx&>> read(F fn, ReadFrom from = ReadFrom::kPrimary) {
    if (from == ReadFrom::kReplica && replica_usable()) {
      try {
        co_return co_await replica_->read_here(fn);
      } catch (const Error& e) {
        if (e.code() != ErrorCode::kServiceUnavailable) throw;
        replica_failed(e);
      }
    }
    co_return co_await read_here(fn);
  }

  // The same, blocking the calling thread: for the CLI and for tests, never for an io thread.
  template <class F>
  std::invoke_result_t<F&, Tx&> tx_sync(F fn) {
    using R = std::invoke_result_t<F&, Tx&>;
    if constexpr (std::is_void_v<R>) {
      execute_sync([&fn](Tx& t) { fn(t); });
    } else {
      std::optional<R> out;
      execute_sync([&fn, &out](Tx& t) { out.emplace(fn(t)); });
      return std::move(*out);
    }
  }

  // Blocks until a pooled connection can be opened or `timeout` passes; true when the database
  // answered. Used at start so a server can come up before its database does.
  bool ping_sync();

  // Reads asked for with ReadFrom::kReplica go to `replica` (not owned; it outlives this, and
  // has no replica of its own). Null: all reads run here. Set before any read starts.
  void set_replica(Database* replica) { replica_ = replica; }

  const DatabaseOptions& options() const { return options_; }
  // The pool the blocking work runs on; the LISTEN connection also opens there.
  asio::thread_pool& pool() { return pool_; }

 private:
  // read() on this database's own pool.
  template <class F>
  awaitable<std::invoke_result_t<F&, Tx&>> read_here(F& fn) {
    using R = std::invoke_result_t<F&, Tx&>;
    if constexpr (std::is_void_v<R>) {
      co_await execute([&fn](Tx& t) { fn(t); }, false);
    } else {
      std::optional<R> out;
      co_await execute([&fn, &out](Tx& t) { out.emplace(fn(t)); }, false);
      co_return std::move(*out);
    }
  }

  using Work = std::function<void(Tx&)>;
  awaitable<void> execute(Work work, bool transactional = true);
  void execute_sync(const Work& work, bool transactional = true);

  // False while a failed replica is being skipped.
  bool replica_usable() const;
  // Skips the replica for a while and logs why (at most once a minute, not per request).
  void replica_failed(const Error& e);

  std::unique_ptr<PooledConnection> checkout();
  void checkin(std::unique_ptr<PooledConnection> conn);

  DatabaseOptions options_;
  // The statements' texts when they are not prepared (options_.prepared_statements false).
  std::unique_ptr<const StatementTexts> unprepared_;
  asio::thread_pool pool_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<PooledConnection>> idle_;
  std::size_t free_slots_;
  Database* replica_ = nullptr;
  // Steady-clock nanoseconds: until when the replica is skipped, and when that was last logged.
  // Atomics, as reads on several threads may fail at once.
  std::atomic<std::int64_t> replica_skipped_until_{0};
  std::atomic<std::int64_t> replica_failure_logged_{0};
};

}  // namespace lox::db
