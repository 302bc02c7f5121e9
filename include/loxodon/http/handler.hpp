#pragma once

#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>
#include <loxodon/util/asio.hpp>

#include <functional>

namespace lox::http {

// A route handler: authenticate, parse, call one service, serialize. Handlers may throw
// lox::Error; the server renders it as {"error": ...} with the matching status.
using Handler = std::function<awaitable<Response>(Request&)>;

}  // namespace lox::http
