#pragma once
// Writing responses on a server connection: server.cpp reads the requests and hands each answer
// here.

#include <loxodon/http/response.hpp>
#include <loxodon/util/asio.hpp>

#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

namespace spdlog {
class logger;
}

namespace lox::http::detail {

// Every write runs under the write timeout; the Date header is formatted at most once a second.
// One writer serves every HTTP thread: the Date cache is behind a lock (a copy of 29 bytes).
class ResponseWriter {
 public:
  ResponseWriter(std::chrono::seconds write_timeout, std::shared_ptr<spdlog::logger> log);

  std::string date_header();

  // `head`: the answer to a HEAD request, with the body's length but not the body.
  awaitable<void> write(boost::beast::tcp_stream& stream, Response res, bool head, bool keep_alive,
                        unsigned version, boost::system::error_code& ec);

  // Sends `res` and closes the connection without reading what the client still sends.
  awaitable<void> answer_and_close(boost::beast::tcp_stream& stream, Response res);

 private:
  awaitable<void> write_streamed(boost::beast::tcp_stream& stream, const Response& res,
                                 bool keep_alive, unsigned version, boost::system::error_code& ec);

  std::chrono::seconds write_timeout_;
  std::shared_ptr<spdlog::logger> log_;
  std::mutex date_mutex_;
  std::string cached_date_;
  std::chrono::system_clock::time_point cached_date_second_;
};

}  // namespace lox::http::detail
