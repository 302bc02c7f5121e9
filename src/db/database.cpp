#include "db/all_statements.hpp"
#include "db/pooled_connection.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/util/error.hpp>

#include <spdlog/spdlog.h>

namespace lox::db {

std::string with_connect_timeout(const std::string& url, std::chrono::seconds timeout) {
  std::string out = url;
  auto add = [&out](const char* key, const std::string& value) {
    if (out.find(std::string(key) + "=") != std::string::npos) return;  // the operator's wins
    out += (out.find('?') == std::string::npos ? '?' : '&');
    out += std::string(key) + "=" + value;
  };
  add("connect_timeout", std::to_string(timeout.count()));
  // A silent network partition must not block pool threads (and shutdown) forever.
  add("keepalives", "1");
  add("keepalives_idle", "30");
  add("keepalives_interval", "10");
  add("keepalives_count", "3");
  // A startup parameter rather than a SET, so it holds through a transaction pooler too.
  add("application_name", "loxodon");
  return out;
}

pqxx::connection& PooledConnection::get(const DatabaseOptions& options) {
  if (conn_ && conn_->is_open()) return *conn_;
  conn_.reset();
  auto conn = std::make_unique<pqxx::connection>(
      with_connect_timeout(options.url, options.connect_timeout));
  // Behind a transaction pooler the next transaction may run on another server connection:
  // nothing may be set or prepared for the session (the timeout is set per transaction).
  if (options.prepared_statements) {
    pqxx::nontransaction setup(*conn);
    setup.exec("SET statement_timeout = " + std::to_string(options.statement_timeout.count()));
    setup.exec("SET idle_in_transaction_session_timeout = '60s'");
  }
  conn_ = std::move(conn);
  registered_.clear();
  return *conn_;
}

namespace {

// Every statement's SQL by name: views of the static texts in db/*_statements.hpp.
const std::unordered_map<std::string_view, std::string_view>& statement_index() {
  static const auto index = [] {
    std::unordered_map<std::string_view, std::string_view> by_name;
    for (const auto& statements : sql::kAllStatements)
      for (const auto& statement : statements) by_name.emplace(statement.name, statement.text);
    return by_name;
  }();
  return index;
}

// The static name and text of the statement named `name`; an unknown name is a bug.
const std::pair<const std::string_view, std::string_view>& statement_named(std::string_view name) {
  const auto& index = statement_index();
  auto found = index.find(name);
  if (found == index.end()) {
    throw Error(ErrorCode::kInternal, "Internal server error",
                "no statement named " + std::string(name));
  }
  return *found;
}

}  // namespace

void PooledConnection::register_statement(const std::string& name) {
  if (registered_.contains(name)) return;
  const auto& [static_name, text] = statement_named(name);
  conn_->prepare(name, std::string(text));
  registered_.insert(static_name);
}

std::string Tx::text_of(std::string_view name) { return std::string(statement_named(name).second); }

namespace {

std::unique_ptr<const StatementTexts> statement_texts(const DatabaseOptions& options) {
  if (options.prepared_statements) return nullptr;
  return std::make_unique<StatementTexts>();
}

// The error a failed statement means to callers; returns when it means the connection was lost.
void throw_unless_connection_lost(const pqxx::sql_error& e) {
  const std::string& state = e.sqlstate();
  if (state == "57014") {  // statement_timeout
    throw Error(ErrorCode::kServiceUnavailable, "Database query timed out", e.what());
  }
  // A hot standby cancels a query that holds back the replay of a conflicting change: the read
  // may be run again, and a replica read goes to the primary instead.
  if (state == "40001") throw Error(ErrorCode::kServiceUnavailable, "Database busy", e.what());
  // An administrator shutdown or a crash shows up as a SQL error on the next statement.
  if (state.starts_with("57P") || state.starts_with("08")) return;
  throw Error(ErrorCode::kInternal, "Internal server error",
              std::string(e.what()) + " [" + state + "] query: " + e.query());
}

}  // namespace

Database::Database(DatabaseOptions options)
    : options_(std::move(options)),
      unprepared_(statement_texts(options_)),
      pool_(options_.pool_size),
      free_slots_(options_.pool_size) {}

Database::~Database() { pool_.join(); }

std::unique_ptr<PooledConnection> Database::checkout() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return free_slots_ > 0; });
  --free_slots_;
  if (options_.metrics) options_.metrics->set_db_pool_in_use(options_.pool_size - free_slots_);
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }
  return std::make_unique<PooledConnection>();
}

void Database::checkin(std::unique_ptr<PooledConnection> conn) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(conn));
    ++free_slots_;
    if (options_.metrics) options_.metrics->set_db_pool_in_use(options_.pool_size - free_slots_);
  }
  available_.notify_one();
}

void Database::execute_sync(const Work& work, bool transactional) {
  auto slot = checkout();
  struct Return {
    Database& db;
    std::unique_ptr<PooledConnection>& slot;
    ~Return() { db.checkin(std::move(slot)); }
  } give_back{*this, slot};

  // A pooled connection that sat idle through a database restart is only found broken when it
  // is used. Nothing was committed on it, so the closure runs once more on a fresh connection
  // rather than failing a request for a restart that is already over.
  for (int attempt = 1;; ++attempt) {
    const bool stale_possible = attempt == 1 && slot->is_open();
    auto lost = [&](const char* what) {
      slot->reset();
      if (!stale_possible)
        throw Error(ErrorCode::kServiceUnavailable, "Database unavailable", what);
    };
    try {
      pqxx::connection& conn = slot->get(options_);
      if (transactional) {
        pqxx::work w(conn);
        if (unprepared_) {
          w.exec("SET LOCAL statement_timeout = " +
                 std::to_string(options_.statement_timeout.count()));
        }
        Tx tx(w, *slot, unprepared_.get());
        work(tx);
        w.commit();
      } else {
        pqxx::nontransaction w(conn);
        Tx tx(w, *slot, unprepared_.get());
        work(tx);
      }
      return;
    } catch (const pqxx::broken_connection& e) {
      lost(e.what());
    } catch (const pqxx::in_doubt_error& e) {
      // The commit may or may not have happened: never run the closure again.
      slot->reset();
      throw Error(ErrorCode::kServiceUnavailable, "Database unavailable", e.what());
    } catch (const pqxx::unique_violation& e) {
      throw Error(ErrorCode::kConflict, "Validation failed: already taken", e.what());
    } catch (const pqxx::sql_error& e) {
      throw_unless_connection_lost(e);
      lost(e.what());
      continue;
    } catch (const pqxx::failure& e) {
      if (slot->is_open()) throw Error(ErrorCode::kInternal, "Internal server error", e.what());
      lost(e.what());
    }
  }
}

awaitable<void> Database::execute(Work work, bool transactional) {
  co_await asio::async_initiate<decltype(asio::use_awaitable), void(std::exception_ptr)>(
      [this, &work, transactional](auto handler) {
        // The wait for a connection is the time queued for a pool thread (one connection each).
        auto queued = std::chrono::steady_clock::now();
        asio::post(pool_, [this, &work, transactional, queued,
                           handler = std::move(handler)]() mutable {
          if (options_.metrics) {
            options_.metrics->record_db_pool_wait(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - queued).count());
          }
          std::exception_ptr error;
          try {
            execute_sync(work, transactional);
          } catch (...) {
            error = std::current_exception();
          }
          auto ex = asio::get_associated_executor(handler);
          asio::post(ex, [handler = std::move(handler), error]() mutable { handler(error); });
        });
      },
      asio::use_awaitable);
}

namespace {

// A replica that failed is left alone this long before it is tried again, so a replica that is
// down costs no request a connection attempt (up to connect_timeout on a silent network).
constexpr std::chrono::seconds kReplicaPause{10};
constexpr std::chrono::minutes kReplicaLogInterval{1};

std::int64_t steady_now() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool Database::replica_usable() const {
  return replica_ != nullptr && steady_now() >= replica_skipped_until_.load();
}

void Database::replica_failed(const Error& e) {
  const std::int64_t now = steady_now();
  replica_skipped_until_.store(now + std::chrono::nanoseconds(kReplicaPause).count());
  std::int64_t logged = replica_failure_logged_.load();
  const std::int64_t interval = std::chrono::nanoseconds(kReplicaLogInterval).count();
  // One thread wins the exchange; the others, failing at the same moment, stay quiet.
  if ((logged == 0 || now - logged >= interval) &&
      replica_failure_logged_.compare_exchange_strong(logged, now)) {
    auto log = spdlog::get("lox.db");
    (log ? log : spdlog::default_logger())
        ->warn("database replica unavailable ({}): its reads go to the primary for {} s",
               e.detail(), kReplicaPause.count());
  }
}

bool Database::ping_sync() {
  try {
    tx_sync([](Tx& tx) { tx.exec("ping"); });
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace lox::db
