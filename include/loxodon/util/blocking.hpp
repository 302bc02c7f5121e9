#pragma once

#include <loxodon/util/asio.hpp>

#include <exception>
#include <optional>
#include <type_traits>

namespace lox {

// Runs a CPU-heavy or blocking function (password hashing, SMTP, file work) on `pool` and
// resumes the awaiting coroutine on its own executor, so io threads never block.
//
// `fn` is taken by lvalue reference and must be a named object in the caller: GCC 12 destroys a
// temporary closure with non-trivial captures twice when it is an argument in a co_await
// expression, so `co_await run_blocking(pool, [s] {...})` would be a double free.
template <class F>
awaitable<std::invoke_result_t<F&>> run_blocking(asio::thread_pool& pool, F& fn) {
  using R = std::invoke_result_t<F&>;
  std::exception_ptr error;
  std::conditional_t<std::is_void_v<R>, bool, std::optional<R>> result{};
  co_await asio::async_initiate<decltype(asio::use_awaitable), void()>(
      [&](auto handler) {
        asio::post(pool, [&, handler = std::move(handler)]() mutable {
          try {
            if constexpr (std::is_void_v<R>) {
              fn();
            } else {
              result.emplace(fn());
            }
          } catch (...) {
            error = std::current_exception();
          }
          auto ex = asio::get_associated_executor(handler);
          asio::post(ex, std::move(handler));
        });
      },
      asio::use_awaitable);
  if (error) std::rethrow_exception(error);
  if constexpr (!std::is_void_v<R>) co_return std::move(*result);
}

}  // namespace lox
