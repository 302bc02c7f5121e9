#include <loxodon/http/stream_outbox.hpp>

namespace lox::http {

StreamOutbox::StreamOutbox(asio::any_io_executor executor, Limits limits)
    : limits_(limits), signal_(executor) {}

bool StreamOutbox::push(std::string message) {
  if (closed_) return false;
  if (queue_.size() + 1 > limits_.max_messages || bytes_ + message.size() > limits_.max_bytes) {
    overflowed_ = true;
    close();
    return false;
  }
  bytes_ += message.size();
  queue_.push_back(std::move(message));
  signal_.cancel();
  return true;
}

void StreamOutbox::close() {
  if (closed_) return;
  closed_ = true;
  queue_.clear();
  bytes_ = 0;
  signal_.cancel();
  if (auto callback = std::move(on_close_)) callback();
}

awaitable<StreamOutbox::Next> StreamOutbox::next(std::chrono::steady_clock::duration idle) {
  if (queue_.empty() && !closed_) {
    signal_.expires_after(idle);
    boost::system::error_code ec;
    co_await signal_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  Next out;
  if (closed_) {
    out.kind = Next::Kind::kClosed;
  } else if (queue_.empty()) {
    out.kind = Next::Kind::kIdle;
  } else {
    out.kind = Next::Kind::kMessage;
    out.message = std::move(queue_.front());
    queue_.pop_front();
    bytes_ -= out.message.size();
  }
  co_return out;
}

}  // namespace lox::http
