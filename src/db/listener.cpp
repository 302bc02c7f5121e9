#include "db/pooled_connection.hpp"

#include <loxodon/db/database.hpp>
#include <loxodon/db/listener.hpp>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>

#include <unistd.h>

namespace lox::db {

namespace {

class Receiver final : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection_base& conn, const std::string& channel, Listener::Callback& callback)
      : pqxx::notification_receiver(conn, channel), callback_(callback) {}
  void operator()(const std::string& payload, int /*backend_pid*/) override { callback_(payload); }

 private:
  Listener::Callback& callback_;
};

}  // namespace

struct Listener::State {
  Database& db;
  asio::any_io_executor executor;
  std::string channel;
  Callback callback;
  bool stopping = false;
  asio::steady_timer retry_timer;
  std::unique_ptr<asio::posix::stream_descriptor> socket;

  State(Database& d, asio::any_io_executor ex, std::string ch, Callback cb)
      : db(d), executor(ex), channel(std::move(ch)), callback(std::move(cb)), retry_timer(ex) {}
};

Listener::Listener(Database& db, asio::any_io_executor executor, std::string channel,
                   Callback callback)
    : state_(std::make_shared<State>(db, executor, std::move(channel), std::move(callback))) {}

Listener::~Listener() = default;

void Listener::stop() {
  state_->stopping = true;
  state_->retry_timer.cancel();
  if (state_->socket) {
    boost::system::error_code ignored;
    state_->socket->cancel(ignored);
  }
}

namespace {

struct Connection {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<Receiver> receiver;
};

// Opening the connection and sending LISTEN block, so they run on the database pool.
awaitable<Connection> open_on_pool(Database& db, const std::string& channel,
                                   Listener::Callback& callback) {
  Connection result;
  std::exception_ptr failure;
  co_await asio::async_initiate<decltype(asio::use_awaitable), void()>(
      [&](auto handler) {
        asio::post(db.pool(), [&, handler = std::move(handler)]() mutable {
          try {
            result.conn = std::make_unique<pqxx::connection>(
                with_connect_timeout(db.options().session_url(), db.options().connect_timeout));
            result.receiver = std::make_unique<Receiver>(*result.conn, channel, callback);
          } catch (...) {
            failure = std::current_exception();
          }
          auto ex = asio::get_associated_executor(handler);
          asio::post(ex, std::move(handler));
        });
      },
      asio::use_awaitable);
  if (failure) std::rethrow_exception(failure);
  co_return result;
}

}  // namespace

awaitable<void> Listener::run() {
  auto state = state_;  // keeps the state alive for the coroutine's whole life
  auto log = spdlog::get("lox.db");
  bool warned = false;
  while (!state->stopping) {
    Connection c;
    try {
      c = co_await open_on_pool(state->db, state->channel, state->callback);
      if (state->stopping) break;  // stop() came while connecting
      state->socket =
          std::make_unique<asio::posix::stream_descriptor>(state->executor, ::dup(c.conn->sock()));
      if (warned && log) log->info("LISTEN {} reconnected", state->channel);
      warned = false;
      state->callback("");  // look for work that was announced while we were away
      while (!state->stopping) {
        co_await state->socket->async_wait(asio::posix::stream_descriptor::wait_read,
                                           asio::use_awaitable);
        c.conn->get_notifs();
        if (!c.conn->is_open()) throw std::runtime_error("connection closed");
      }
    } catch (const std::exception& e) {
      if (!state->stopping && !warned && log) {
        log->warn("LISTEN {} lost ({}); retrying every second", state->channel, e.what());
        warned = true;
      }
    }
    state->socket.reset();
    c.receiver.reset();
    c.conn.reset();
    if (state->stopping) break;
    state->retry_timer.expires_after(std::chrono::seconds(1));
    boost::system::error_code ec;
    co_await state->retry_timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

}  // namespace lox::db
