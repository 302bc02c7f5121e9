#pragma once
// The server's open connections, for shutdown to close them.

#include <loxodon/util/asio.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

namespace lox::http::detail {

// One open connection. Its coroutine runs on a strand of its own, and so do the closers the
// server's stop() posts to it: the socket is only ever used on that strand. Shared, so that a
// closer arriving after the coroutine ended finds a closed socket rather than freed memory.
struct Connection {
  explicit Connection(boost::asio::ip::tcp::socket socket) : stream(std::move(socket)) {}
  boost::beast::tcp_stream stream;
  bool idle = true;  // waiting for the next request: safe to close on shutdown (strand only)
};

// Connections open and close on every HTTP thread, so the set is behind a lock.
class OpenConnections {
 public:
  void add(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(mutex_);
    set_.insert(c);
  }
  void remove(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(mutex_);
    set_.erase(c);
  }
  std::vector<std::shared_ptr<Connection>> now() const {
    std::lock_guard lock(mutex_);
    return {set_.begin(), set_.end()};
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return set_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::set<std::shared_ptr<Connection>> set_;
};

}  // namespace lox::http::detail
