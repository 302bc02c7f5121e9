#pragma once

#include <loxodon/http/router.hpp>
#include <loxodon/http/server_options.hpp>
#include <loxodon/util/asio.hpp>

#include <cstddef>
#include <memory>

namespace lox::http {

// HTTP/1.1 server on Boost.Beast with one coroutine per connection (read, handle, write, repeat).
// Pipelined requests are answered in order, one at a time, so the queue per connection is bounded
// by the socket buffer. Limits: header size (431), body size checked against the declared
// Content-Length before the body is read and before routing decides anything else (413), header,
// idle, body and write timeouts. Errors are JSON {"error": ...}; internal details only reach the
// log. CORS follows Mastodon for /api, /oauth, /.well-known and /nodeinfo.
// Any number of threads may run the io_context: each connection runs on a strand of its own, so
// handlers run concurrently and must only share state that is safe to share.
class Server {
 public:
  Server(asio::io_context& io, Router router, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting; returns the bound port. Throws when the address is taken.
  unsigned short start();
  // Stops accepting, closes idle keep-alive connections, lets requests in flight finish for up to
  // `grace`, then closes what is left. Call from a coroutine on the io_context (any thread).
  awaitable<void> stop(std::chrono::seconds grace);

  std::size_t open_connections() const;

 public:
  struct Impl;  // shared with the connection coroutines

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace lox::http
