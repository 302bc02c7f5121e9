#pragma once

#include <loxodon/http/router.hpp>
#include <loxodon/http/server.hpp>
#include <loxodon/http/server_options.hpp>
#include <loxodon/util/asio.hpp>

#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

namespace lox::testing {

// An http::Server on 127.0.0.1 with a free port, its io_context run by `threads` background
// threads (serve runs it on several).
class RunningServer {
 public:
  RunningServer(http::Router router, http::ServerOptions options = {}, std::size_t threads = 1);
  ~RunningServer();

  unsigned short port() const { return port_; }
  asio::io_context& io() { return io_; }
  http::Server& server() { return *server_; }
  // Runs Server::stop(grace) on the server's thread and waits for it.
  void stop(std::chrono::seconds grace);

 private:
  asio::io_context io_;
  std::unique_ptr<http::Server> server_;
  std::vector<std::thread> threads_;
  unsigned short port_ = 0;
  bool stopped_ = false;
};

}  // namespace lox::testing
