#include "db/pooled_connection.hpp"
#include "db/statements.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/util/error.hpp>

#include <spdlog/spdlog.h>

namespace lox::db {

std::string with_connect_timeout(const std::string& url, std::chrono::seconds timeout) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  char sep = url.find('?') == std::string::npos ? '?' : '&';
  return url + sep + "connect_timeout=" + std::to_string(timeout.count());
}

pqxx::connection& PooledConnection::get(const DatabaseOptions& options) {
  if (conn_ && conn_->is_open()) return *conn_;
  conn_.reset();
  auto conn = std::make_unique<pqxx::connection>(
      with_connect_timeout(options.url, options.connect_timeout));
  {
    pqxx::nontransaction setup(*conn);
    setup.exec("SET statement_timeout = " + std::to_string(options.statement_timeout.count()));
    setup.exec("SET idle_in_transaction_session_timeout = '60s'");
    setup.exec("SET application_name = 'loxodon'");
  }
  for (const auto& statement : sql::kStatements) conn->prepare(statement.name, statement.text);
  conn_ = std::move(conn);
  return *conn_;
}

Database::Database(DatabaseOptions options)
    : options_(std::move(options)), pool_(options_.pool_size), free_slots_(options_.pool_size) {}

Database::~Database() { pool_.join(); }

std::unique_ptr<PooledConnection> Database::checkout() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return free_slots_ > 0; });
  --free_slots_;
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
  }
  available_.notify_one();
}

void Database::execute_sync(const Work& work) {
  auto slot = checkout();
  struct Return {
    Database& db;
    std::unique_ptr<PooledConnection>& slot;
    ~Return() { db.checkin(std::move(slot)); }
  } give_back{*this, slot};

  try {
    pqxx::connection& conn = slot->get(options_);
    pqxx::work w(conn);
    Tx tx(w);
    work(tx);
    w.commit();
  } catch (const pqxx::broken_connection& e) {
    slot->reset();
    throw Error(ErrorCode::kServiceUnavailable, "Database unavailable", e.what());
  } catch (const pqxx::in_doubt_error& e) {
    slot->reset();
    throw Error(ErrorCode::kServiceUnavailable, "Database unavailable", e.what());
  } catch (const pqxx::unique_violation& e) {
    throw Error(ErrorCode::kConflict, "Validation failed: already taken", e.what());
  } catch (const pqxx::sql_error& e) {
    // An admin-shutdown or crash shows up as a SQL error on the next statement; treat the
    // connection as gone so the next checkout reconnects.
    const std::string& state = e.sqlstate();
    if (state == "57014") {  // statement_timeout
      throw Error(ErrorCode::kServiceUnavailable, "Database query timed out", e.what());
    }
    if (state.starts_with("57P") || state.starts_with("08")) {
      slot->reset();
      throw Error(ErrorCode::kServiceUnavailable, "Database unavailable", e.what());
    }
    throw Error(ErrorCode::kInternal, "Internal server error",
                std::string(e.what()) + " [" + state + "] query: " + e.query());
  } catch (const pqxx::failure& e) {
    if (!slot->is_open()) {
      slot->reset();
      throw Error(ErrorCode::kServiceUnavailable, "Database unavailable", e.what());
    }
    throw Error(ErrorCode::kInternal, "Internal server error", e.what());
  }
}

awaitable<void> Database::execute(Work work) {
  co_await asio::async_initiate<decltype(asio::use_awaitable), void(std::exception_ptr)>(
      [this, &work](auto handler) {
        asio::post(pool_, [this, &work, handler = std::move(handler)]() mutable {
          std::exception_ptr error;
          try {
            execute_sync(work);
          } catch (...) {
            error = std::current_exception();
          }
          auto ex = asio::get_associated_executor(handler);
          asio::post(ex, [handler = std::move(handler), error]() mutable { handler(error); });
        });
      },
      asio::use_awaitable);
}

bool Database::ping_sync() {
  try {
    tx_sync([](Tx& tx) { tx.work().exec_prepared("ping"); });
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace lox::db
