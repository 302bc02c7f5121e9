#pragma once
// Private to `app`: gives freed memory back to the system while a serve process is at rest.

#include <loxodon/util/asio.hpp>

#include <chrono>
#include <memory>

namespace lox::app {

// Every `interval`, returns the free memory at the top of glibc's heaps and in whole free pages
// inside them to the system (malloc_trim): after a burst of requests, a process otherwise keeps
// its peak footprint for good. The trim itself walks the heaps, so it runs on the blocking pool,
// never on an io thread.
class MemoryAtRest {
 public:
  MemoryAtRest(asio::any_io_executor executor, asio::thread_pool& blocking,
               std::chrono::seconds interval = std::chrono::seconds(30));

  awaitable<void> run();
  void stop();

 private:
  asio::any_io_executor executor_;
  asio::thread_pool& blocking_;
  std::chrono::seconds interval_;
  std::unique_ptr<asio::steady_timer> timer_;
  bool stopping_ = false;
};

}  // namespace lox::app
