#pragma once

#include <loxodon/util/asio.hpp>

#include <exception>
#include <optional>
#include <type_traits>

namespace lox::testing {

// Runs a coroutine to completion on a fresh single-threaded io_context and returns its result
// (or rethrows its exception).
template <class T>
T run_awaitable(awaitable<T> task) {
  asio::io_context io{1};
  std::exception_ptr error;
  if constexpr (std::is_void_v<T>) {
    asio::co_spawn(io, std::move(task), [&](std::exception_ptr e) { error = e; });
    io.run();
    if (error) std::rethrow_exception(error);
  } else {
    std::optional<T> result;
    asio::co_spawn(io, std::move(task), [&](std::exception_ptr e, T value) {
      error = e;
      if (!e) result.emplace(std::move(value));
    });
    io.run();
    if (error) std::rethrow_exception(error);
    return std::move(*result);
  }
}

}  // namespace lox::testing
