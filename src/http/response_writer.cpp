#include "http/response_writer.hpp"

#include <loxodon/util/time_format.hpp>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

namespace lox::http::detail {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

ResponseWriter::ResponseWriter(std::chrono::seconds write_timeout,
                               std::shared_ptr<spdlog::logger> log)
    : write_timeout_(write_timeout), log_(std::move(log)) {}

std::string ResponseWriter::date_header() {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::lock_guard lock(date_mutex_);
  if (now != cached_date_second_) {
    cached_date_second_ = now;
    cached_date_ = format_http_date(now);
  }
  return cached_date_;
}

awaitable<void> ResponseWriter::write(beast::tcp_stream& stream, Response res, bool head,
                                      bool keep_alive, unsigned version,
                                      boost::system::error_code& ec) {
  if (res.streamed && !head) {
    co_await write_streamed(stream, res, keep_alive, version, ec);
    co_return;
  }
  bhttp::response<bhttp::string_body> out;
  out.version(version);
  out.result(res.status);
  out.set(bhttp::field::date, date_header());
  for (auto& [name, value] : res.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  if (head) {
    out.set(bhttp::field::content_length,
            std::to_string(res.streamed ? res.streamed->length : res.body.size()));
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  stream.expires_after(write_timeout_);
  co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
}

// Each block is read only when the one before it has been written, so a slow reader holds one
// block of memory, not the file.
awaitable<void> ResponseWriter::write_streamed(beast::tcp_stream& stream, const Response& res,
                                               bool keep_alive, unsigned version,
                                               boost::system::error_code& ec) {
  constexpr std::size_t kBlock = 256 * 1024;
  const StreamedBody& body = *res.streamed;
  bhttp::response<bhttp::buffer_body> out;
  out.version(version);
  out.result(res.status);
  out.set(bhttp::field::date, date_header());
  for (const auto& [name, value] : res.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  out.content_length(body.length);
  out.body().data = nullptr;
  out.body().more = true;
  bhttp::response_serializer<bhttp::buffer_body> serializer(out);
  stream.expires_after(write_timeout_);
  co_await bhttp::async_write_header(stream, serializer,
                                     asio::redirect_error(asio::use_awaitable, ec));
  std::uint64_t sent = 0;
  while (!ec && sent < body.length) {
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(kBlock, body.length - sent));
    std::string block;
    try {
      block = co_await body.read(sent, want);
    } catch (const std::exception& e) {
      log_->error("reading a response body failed after {} bytes: {}", sent, e.what());
    }
    if (block.size() != want) {
      // The status line is gone: closing is the only way left to say the body is cut short.
      ec = asio::error::broken_pipe;
      co_return;
    }
    sent += want;
    out.body().data = block.data();
    out.body().size = block.size();
    out.body().more = sent < body.length;
    stream.expires_after(write_timeout_);
    co_await bhttp::async_write(stream, serializer, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == bhttp::error::need_buffer) ec = {};
  }
}

awaitable<void> ResponseWriter::answer_and_close(beast::tcp_stream& stream, Response res) {
  boost::system::error_code ec;
  co_await write(stream, std::move(res), false, false, 11, ec);
  // Give the client a moment to read the answer before the socket goes away: closing with
  // unread input would reset the connection and could destroy the response in flight.
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  std::array<char, 16 * 1024> sink{};
  stream.expires_after(std::chrono::milliseconds(500));
  std::size_t drained = 0;
  while (!ec && drained < 1024 * 1024) {
    drained += co_await stream.async_read_some(asio::buffer(sink),
                                               asio::redirect_error(asio::use_awaitable, ec));
  }
}

}  // namespace lox::http::detail
