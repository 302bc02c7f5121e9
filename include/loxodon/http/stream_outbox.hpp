#pragma once

#include <loxodon/util/asio.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <string>

namespace lox::http {

// The bounded queue between the application and one streaming connection (WebSocket or
// server-sent events). The application pushes ready-to-send messages; the server drains them.
// A consumer that falls too far behind is disconnected instead of being buffered without
// bound. Single-threaded: use it only on the executor it was made with.
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
  bool closed() const { return closed_; }
  bool overflowed() const { return overflowed_; }
  std::size_t queued() const { return queue_.size(); }

  // For the server. What waiting for the next message produced.
  struct Next {
    enum class Kind { kMessage, kIdle, kClosed };
    Kind kind = Kind::kClosed;
    std::string message;
  };
  // The next message, kIdle when nothing came within `idle` (time for a heartbeat), or kClosed.
  awaitable<Next> next(std::chrono::steady_clock::duration idle);
  // Called once when the outbox closes (the server aborts the socket so a blocked write ends).
  void on_close(std::function<void()> callback) { on_close_ = std::move(callback); }

 private:
  Limits limits_;
  std::deque<std::string> queue_;
  std::size_t bytes_ = 0;
  bool closed_ = false;
  bool overflowed_ = false;
  asio::steady_timer signal_;
  std::function<void()> on_close_;
};

}  // namespace lox::http
