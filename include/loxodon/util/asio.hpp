#pragma once
// The one way Loxodon includes Asio. Boost 1.74's awaitable.hpp uses std::exchange without
// including <utility>, so <utility> must come first (chriskohlhoff/asio#944).
// clang-format off
#include <utility>
// clang-format on
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace lox {

namespace asio = boost::asio;

template <class T>
using awaitable = asio::awaitable<T>;

}  // namespace lox
