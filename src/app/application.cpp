#include "app/memory_at_rest.hpp"
#include "app/metrics_sampler.hpp"

#include <loxodon/api/mastodon/stream_dispatcher.hpp>
#include <loxodon/app/application.hpp>
#include <loxodon/app/database_options_for.hpp>
#include <loxodon/app/job_handlers.hpp>
#include <loxodon/app/prometheus_metrics.hpp>
#include <loxodon/app/services.hpp>
#include <loxodon/app/web_app.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/listener.hpp>
#include <loxodon/db/migrator.hpp>
#include <loxodon/http/server.hpp>
#include <loxodon/jobs/runtime.hpp>
#include <loxodon/services/instance/maintenance_service.hpp>
#include <loxodon/util/blocking.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/file_handle.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/signal_set.hpp>
#include <spdlog/spdlog.h>

#include <pthread.h>
#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <thread>
#include <vector>

namespace lox::app {

namespace {

// Thousands of keep-alive and streaming connections need more descriptors than the usual 1024.
void raise_open_file_limit(spdlog::logger& log) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < limit.rlim_max) {
    rlim_t before = limit.rlim_cur;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) == 0) {
      log.debug("open files limit raised from {} to {}", before, limit.rlim_cur);
    }
  }
  if (limit.rlim_cur < 4096) {
    log.warn("open files limit is {}; raise it (LimitNOFILE) for many concurrent connections",
             limit.rlim_cur);
  }
}

http::ServerOptions server_options(const config::Config& c, Metrics* metrics) {
  http::ServerOptions o;
  auto colon = c.listen.rfind(':');
  o.address = c.listen.substr(0, colon);
  if (o.address.size() > 2 && o.address.front() == '[')
    o.address = o.address.substr(1, o.address.size() - 2);
  unsigned port = 0;
  std::string_view p(c.listen);
  p.remove_prefix(colon + 1);
  std::from_chars(p.data(), p.data() + p.size(), port);
  o.port = static_cast<unsigned short>(port);
  o.max_body_bytes = c.http.max_body_bytes;
  o.max_header_bytes = c.http.max_header_bytes;
  o.header_timeout = c.http.header_timeout;
  o.idle_timeout = c.http.idle_timeout;
  o.body_timeout = c.http.body_timeout;
  o.trusted_proxies = c.http.trusted_proxies;
  o.max_connections_per_ip = c.http.max_connections_per_ip;
  o.spool_directory = c.http.upload_spool_dir.empty()
                          ? std::filesystem::temp_directory_path()
                          : std::filesystem::path(c.http.upload_spool_dir);
  o.access_log = c.access_log;
  o.json_log = c.log_format == "json";
  o.metrics = metrics;
  return o;
}

// LOXODON_HTTP_THREADS, or one per core.
std::size_t http_thread_count(const config::Config& c) {
  if (c.http.threads > 0) return c.http.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

jobs::RuntimeOptions runtime_options(const config::Config& c, Metrics* metrics) {
  jobs::RuntimeOptions o;
  o.workers = c.jobs.workers;
  o.lease = c.jobs.lease;
  o.poll_interval = c.jobs.poll_interval;
  o.reaper_interval = c.jobs.reaper_interval;
  o.drain_timeout = c.jobs.drain_timeout;
  o.metrics = metrics;
  return o;
}

}  // namespace

struct Application::Impl {
  explicit Impl(config::Config c)
      : config(std::move(c)),
        log(spdlog::get("lox.app") ? spdlog::get("lox.app") : spdlog::default_logger()),
        metrics(config.metrics_listen.empty() ? nullptr : std::make_unique<PrometheusMetrics>()),
        http_threads(http_thread_count(config)),
        api_io(static_cast<int>(http_threads)),
        control(asio::make_strand(api_io)),
        db(database_options_for(config, metrics.get())),
        replica(config.database.replica_url.empty()
                    ? nullptr
                    : std::make_unique<db::Database>(replica_options_for(config))),
        fed_guard(asio::make_work_guard(fed_io)),
        services(config, db, blocking, metrics.get()),
        web(services, asio::any_io_executor(control)),
        runtime(db, fed_io.get_executor(), runtime_options(config, metrics.get())) {
    if (replica) db.set_replica(replica.get());
  }

  config::Config config;
  std::shared_ptr<spdlog::logger> log;
  // Null when metrics are off (metrics_listen empty): nothing records, nothing is served.
  std::unique_ptr<PrometheusMetrics> metrics;
  // HTTP runs on api_io from `http_threads` threads: the main thread and extra_threads.
  std::size_t http_threads;
  asio::io_context api_io;
  // What must stay on one thread at a time: signals, startup and shutdown, the id node lease,
  // and streaming (the hub, the dispatcher, the LISTEN connection, each stream connection's
  // hub side). A strand of api_io: handlers elsewhere hand work to it, never touch it.
  asio::strand<asio::io_context::executor_type> control;
  std::vector<std::thread> extra_threads;
  asio::io_context fed_io{1};
  // Password hashing, key generation and SMTP: CPU or blocking work that must not run on an io
  // thread nor hold a database connection.
  asio::thread_pool blocking{2};
  db::Database db;
  // Timeline, status and account reads (database.replica_url); null when there is none.
  std::unique_ptr<db::Database> replica;
  asio::executor_work_guard<asio::io_context::executor_type> fed_guard;
  Services services;
  WebApp web;
  jobs::Runtime runtime;
  std::unique_ptr<http::Server> server;
  // Live streaming: events from every process (NOTIFY) to this process's subscribers.
  std::unique_ptr<api::mastodon::StreamDispatcher> stream_dispatcher;
  std::unique_ptr<db::Listener> stream_listener;
  std::unique_ptr<MetricsSampler> metrics_sampler;
  std::unique_ptr<MemoryAtRest> memory_at_rest;
  int exit_code = 0;
  bool shutting_down = false;
  bool waiting_logged = false;
  bool lease_kept = false;
  bool limits_shared = false;

  // The completion of a long-running task: its failure stops the whole process.
  auto log_error(const char* what) {
    return [this, what](std::exception_ptr e) {
      if (!e) return;
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        log->critical("{} failed: {}", what, ex.what());
        exit_code = 1;
        asio::co_spawn(control, shutdown(), asio::detached);
      }
    };
  }

  // Renews the id node lease for as long as the process runs (started once it is held: on the
  // API loop, after prepare_now() has run that loop to completion).
  void keep_lease() {
    if (lease_kept) return;
    lease_kept = true;
    asio::co_spawn(control, services.id_lease.keep(), log_error("id node lease"));
  }

  // Shares the API request counts with the other processes from the time the schema is known
  // to be current (the table is new in it).
  void share_rate_limits() {
    if (limits_shared || !config.rate_limits.enabled) return;
    limits_shared = true;
    asio::co_spawn(control, services.shared_limits.run(), log_error("shared rate limits"));
  }

  // One attempt at getting ready: check the schema, load the instance secrets, schedule
  // maintenance and start the job workers. Returns false while the database is unreachable.
  // Runs on `control` while the main thread is the only one running api_io: the secrets are
  // written before the other HTTP threads start (start_extra_threads), so they read them
  // without a lock.
  awaitable<bool> try_prepare() {
    try {
      auto pending = co_await db.tx(
          [](db::Tx& tx) { return db::Migrator::pending_in(tx, db::embedded_migrations()); });
      if (!pending.empty()) {
        log->critical(
            "the database schema is behind: {} migration(s) pending, starting with {}. "
            "Run `loxodon migrate` first.",
            pending.size(), pending.front());
        exit_code = 1;
        co_return true;
      }
      // Before anything here makes an id: until then the generator refuses.
      co_await services.id_lease.acquire();
      services.secrets = co_await db.tx(services::InstanceSecrets::load_or_create);
      co_await db.tx([](db::Tx& tx) {
        services::MaintenanceService::schedule_prune(tx, std::chrono::system_clock::now());
      });
      asio::post(fed_io, [this] { runtime.start(); });
      log->info("database ready; instance secrets loaded");
      co_return true;
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kServiceUnavailable) throw;
      if (!waiting_logged) {
        log->warn("database not reachable ({}); /health answers 503 until it is", e.detail());
        waiting_logged = true;
      }
      co_return false;
    }
  }

  // Keeps trying until the database answers (when it was down at start).
  awaitable<void> prepare_in_background() {
    asio::steady_timer timer(api_io);
    while (!shutting_down) {
      timer.expires_after(std::chrono::seconds(2));
      boost::system::error_code ec;
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (shutting_down) break;
      if (co_await try_prepare()) {
        if (exit_code != 0) co_await shutdown();
        keep_lease();
        share_rate_limits();
        if (!shutting_down) start_extra_threads();
        co_return;
      }
    }
  }

  // Runs one attempt before the server listens, so a reachable database means the instance is
  // fully ready by the time the first request arrives.
  bool prepare_now() {
    bool ready = false;
    std::exception_ptr error;
    asio::co_spawn(control, try_prepare(), [&](std::exception_ptr e, bool r) {
      error = e;
      ready = r;
    });
    api_io.run();
    api_io.restart();
    if (error) std::rethrow_exception(error);
    return ready;
  }

  awaitable<void> shutdown() {
    if (shutting_down) co_return;
    shutting_down = true;
    log->info("shutting down: no new connections, finishing requests in flight");
    services.id_lease.stop();
    services.shared_limits.stop();
    stream_listener->stop();
    stream_dispatcher->stop();
    if (metrics_sampler) asio::post(fed_io, [this] { metrics_sampler->stop(); });
    if (memory_at_rest) memory_at_rest->stop();
    co_await server->stop(config.http.shutdown_grace);
    // Drain jobs on their own loop, then stop both loops.
    asio::co_spawn(fed_io, runtime.stop(), [this](std::exception_ptr) {
      fed_guard.reset();
      fed_io.stop();
      asio::post(api_io, [this] { api_io.stop(); });
    });
  }

  awaitable<void> wait_for_signals() {
    asio::signal_set signals(api_io, SIGINT, SIGTERM);
    boost::system::error_code ec;
    int signal = co_await signals.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    log->info("received {}", signal == SIGINT ? "SIGINT" : "SIGTERM");
    asio::co_spawn(control, shutdown(), asio::detached);
    // A second signal means "now": skip the drain.
    signal = co_await signals.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    log->warn("second signal: exiting without waiting");
    std::_Exit(1);
  }

  // Checks the upload spool, then listens; false (logged) when either fails.
  bool start_server() {
    auto options = server_options(config, metrics.get());
    try {
      // Uploads will need it: better to say so now than at the first large one.
      (void)FileHandle::anonymous_in(options.spool_directory);
    } catch (const std::exception& e) {
      log->critical("cannot write uploads to {} (http.upload_spool_dir): {}",
                    options.spool_directory.string(), e.what());
      return false;
    }
    server = std::make_unique<http::Server>(api_io, web.take_router(), options);
    unsigned short port = 0;
    try {
      port = server->start();
    } catch (const std::exception& e) {
      log->critical("cannot listen on {}: {}", config.listen, e.what());
      return false;
    }
    log->info("Loxodon serving {} on {}:{} (http, {} threads, {} database connections)",
              config.base_url(), options.address, port, http_threads, config.database.pool_size);
    if (replica) {
      log->info("timeline, status and account reads go to the replica ({} connections)",
                config.database.pool_size);
    }
    return true;
  }

  void warn_about_setup() {
    if (config.scheme == "http") {
      log->warn("scheme is http: for local development and tests only");
    }
    if (!services.mailer.enabled()) {
      log->warn(
          "no SMTP server configured (smtp.host): no e-mail is sent, and new accounts "
          "need no e-mail confirmation");
    }
  }

  void start_streaming() {
    stream_dispatcher = std::make_unique<api::mastodon::StreamDispatcher>(
        control, config, services.streaming, web.stream_hub());
    stream_listener = std::make_unique<db::Listener>(
        db, control, "loxodon_stream",
        [this](const std::string& payload) { stream_dispatcher->notify(payload); });
    asio::co_spawn(control, stream_dispatcher->run(), log_error("streaming"));
    asio::co_spawn(control, stream_listener->run(), log_error("streaming listener"));
  }

  // Serves /metrics and samples the database's gauges on the jobs' loop; false (logged) when
  // the metrics address cannot be bound.
  bool start_metrics() {
    if (!metrics) return true;
    try {
      int port = metrics->listen(config.metrics_listen);
      log->info("Prometheus metrics on {} (port {})", config.metrics_listen, port);
    } catch (const std::exception& e) {
      log->critical("{} (metrics_listen)", e.what());
      return false;
    }
    metrics_sampler = std::make_unique<MetricsSampler>(db, *metrics, std::chrono::seconds(15));
    asio::co_spawn(fed_io, metrics_sampler->run(), asio::detached);
    return true;
  }

  // The HTTP threads beyond the main one: started once the instance secrets are loaded (see
  // try_prepare), from the main thread, which joins them.
  void start_extra_threads() {
    if (!extra_threads.empty()) return;
    for (std::size_t i = 1; i < http_threads; ++i) {
      extra_threads.emplace_back([this] { run_extra_thread(); });
    }
  }

  void run_extra_thread() {
    pthread_setname_np(pthread_self(), "lox-http");
    try {
      api_io.run();
    } catch (const std::exception& e) {
      // As an exception out of the main thread's loop would: the process stops.
      log->critical("an HTTP thread failed: {}", e.what());
      asio::post(control, [this] {
        exit_code = 1;
        asio::co_spawn(control, shutdown(), asio::detached);
      });
    }
  }

  int run() {
    raise_open_file_limit(*log);
    services.ids.require_lease();  // this process shares its database with others
    register_job_handlers(runtime, services);
    bool ready = prepare_now();
    if (exit_code != 0) return exit_code;
    if (ready) {
      keep_lease();
      share_rate_limits();
    }
    if (!start_server() || !start_metrics()) return 1;
    warn_about_setup();
    start_streaming();
    memory_at_rest = std::make_unique<MemoryAtRest>(control, blocking);
    asio::co_spawn(control, memory_at_rest->run(), log_error("memory trim"));
    asio::co_spawn(control, wait_for_signals(), asio::detached);
    if (!ready) asio::co_spawn(control, prepare_in_background(), log_error("startup"));
    std::thread fed_thread([this] { fed_io.run(); });
    if (ready) start_extra_threads();
    api_io.run();
    for (auto& t : extra_threads) t.join();
    fed_guard.reset();
    fed_io.stop();
    fed_thread.join();
    // Jobs have drained: no more ids. The node goes back for the next process to start.
    // On a loop of its own: the API loop still holds the stopped listeners' work. Every HTTP
    // thread has ended: nothing else touches the lease.
    asio::io_context release_io{1};
    asio::co_spawn(release_io, services.id_lease.release(), asio::detached);
    release_io.run();
    // Queries still in flight finish before any service they reference is destroyed.
    db.pool().join();
    if (replica) replica->pool().join();
    blocking.join();
    services.signatures.join();
    log->info("stopped");
    return exit_code;
  }
};

Application::Application(config::Config config)
    : impl_(std::make_unique<Impl>(std::move(config))) {}
Application::~Application() = default;
int Application::run() { return impl_->run(); }

}  // namespace lox::app
