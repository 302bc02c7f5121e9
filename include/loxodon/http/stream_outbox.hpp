#pragma once

#include <loxodon/util/asio.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace lox::http {

// The bounded queue between the application and one streaming connection (WebSocket or
// server-sent events). The application pushes ready-to-send messages; the server drains them.
// A consumer that falls too far behind is disconnected instead of being buffered without
// bound.
//
// Threads: push() and close() may be called from any thread (the stream hub's strand pushes to
// connections served on strands of their own); next(), on_close() and the close callback run
// on the executor the outbox was made with, the connection's. The queue is behind a lock; the
// consumer is woken by a handler dispatched to its executor.
class StreamOutbox {
 public:
  struct Limits {
    std::size_t max_messages = 1000;
    std::size_t max_bytes = 4 * 1024 * 1024;
  };

  StreamOutbox(asio::any_io_executor executor, Limits limits);
  StreamOutbox(const StreamOutbox&) = delete;
  StreamOutbox& operator=(const StreamOutbox&) = delete;

  // Queues one message. Returns false when the outbox is closed, or when this message would
  // pass a limit: the outbox then closes and the connection is dropped.
  bool push(std::string message);
  // Ends the stream: the server stops sending and closes the connection.
  void close();
  bool closed() const;
  bool overflowed() const;
  std::size_t queued() const;

  // For the server. What waiting for the next message produced.
  struct Next {
    enum class Kind { kMessage, kIdle, kClosed };
    Kind kind = Kind::kClosed;
    std::string message;
  };
  // The next message, kIdle when nothing came within `idle` (time for a heartbeat), or kClosed.
  awaitable<Next> next(std::chrono::steady_clock::duration idle);
  // Called once, on the outbox's executor, when the outbox closes (the server aborts the socket
  // so a blocked write ends). Set and clear it on that executor.
  void on_close(std::function<void()> callback);

 private:
  // Shared with the wakeups dispatched to the consumer's executor, which may outlive the outbox.
  // The queue is behind the lock; the timer and the callback are the consumer executor's only.
  struct State {
    explicit State(asio::any_io_executor executor) : signal(std::move(executor)) {}
    std::mutex mutex;
    std::deque<std::string> queue;
    std::size_t bytes = 0;
    bool closed = false;
    bool overflowed = false;
    asio::steady_timer signal;
    std::function<void()> on_close;
  };
  void wake();

  asio::any_io_executor executor_;
  Limits limits_;
  std::shared_ptr<State> state_;
};

}  // namespace lox::http
