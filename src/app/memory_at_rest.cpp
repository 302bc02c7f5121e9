#include "app/memory_at_rest.hpp"

#include <malloc.h>

namespace lox::app {

MemoryAtRest::MemoryAtRest(asio::any_io_executor executor, asio::thread_pool& blocking,
                           std::chrono::seconds interval)
    : executor_(std::move(executor)),
      blocking_(blocking),
      interval_(interval),
      timer_(std::make_unique<asio::steady_timer>(executor_)) {}

awaitable<void> MemoryAtRest::run() {
  while (!stopping_) {
    timer_->expires_after(interval_);
    boost::system::error_code ec;
    co_await timer_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (stopping_) break;
    asio::post(blocking_, [] { malloc_trim(0); });
  }
}

void MemoryAtRest::stop() {
  stopping_ = true;
  timer_->cancel();
}

}  // namespace lox::app
