#pragma once

#include <loxodon/util/asio.hpp>

#include <functional>
#include <memory>
#include <string>

namespace lox::db {

class Database;

// Receives PostgreSQL NOTIFY messages on one channel without a polling thread: the LISTEN
// connection's socket is registered with Asio and drained when readable. Reconnects by itself;
// after every (re)connect it reports an empty payload, because notifications sent while it was
// away are lost and the receiver should look for work.
class Listener {
 public:
  using Callback = std::function<void(const std::string& payload)>;

  Listener(Database& db, asio::any_io_executor executor, std::string channel, Callback callback);
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Runs until stop(); call both from `executor`.
  awaitable<void> run();
  void stop();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace lox::db
