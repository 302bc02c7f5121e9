#include "running_server.hpp"

#include <boost/asio/executor_work_guard.hpp>

#include <future>

namespace lox::testing {

RunningServer::RunningServer(http::Router router, http::ServerOptions options, std::size_t threads)
    : io_(static_cast<int>(threads)) {
  options.address = "127.0.0.1";
  options.port = 0;
  options.access_log = false;
  server_ = std::make_unique<http::Server>(io_, std::move(router), options);
  port_ = server_->start();
  // One guard for all: the threads end together when io_ is stopped.
  auto guard = std::make_shared<asio::executor_work_guard<asio::io_context::executor_type>>(
      asio::make_work_guard(io_));
  for (std::size_t i = 0; i < threads; ++i) {
    threads_.emplace_back([this, guard] { io_.run(); });
  }
}

void RunningServer::stop(std::chrono::seconds grace) {
  if (stopped_) return;
  stopped_ = true;
  std::promise<void> done;
  asio::co_spawn(io_, server_->stop(grace), [&done](std::exception_ptr) { done.set_value(); });
  done.get_future().wait();
}

RunningServer::~RunningServer() {
  stop(std::chrono::seconds(1));
  io_.stop();
  for (auto& t : threads_) t.join();
}

}  // namespace lox::testing
