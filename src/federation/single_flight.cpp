#include <loxodon/federation/single_flight.hpp>

namespace lox::federation {

awaitable<bool> SingleFlight::run(const std::string& key, std::function<awaitable<void>()> work,
                                  std::chrono::milliseconds wait_limit) {
  bool mine = false;
  {
    std::lock_guard lock(mutex_);
    mine = running_.insert(key).second;
  }
  if (!mine) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    auto give_up = std::chrono::steady_clock::now() + wait_limit;
    for (;;) {
      {
        std::lock_guard lock(mutex_);
        if (!running_.count(key)) break;
      }
      if (std::chrono::steady_clock::now() >= give_up) break;
      timer.expires_after(std::chrono::milliseconds(25));
      co_await timer.async_wait(asio::use_awaitable);
    }
    co_return false;
  }
  std::exception_ptr failure;
  try {
    co_await work();
  } catch (...) {
    failure = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    running_.erase(key);
  }
  if (failure) std::rethrow_exception(failure);
  co_return true;
}

}  // namespace lox::federation
