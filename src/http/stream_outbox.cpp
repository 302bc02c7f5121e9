#include <loxodon/http/stream_outbox.hpp>

namespace lox::http {

StreamOutbox::StreamOutbox(asio::any_io_executor executor, Limits limits)
    : executor_(executor), limits_(limits), state_(std::make_shared<State>(executor)) {}

// Inline when already on the consumer's executor (the server closing its own stream), else
// queued there, so the timer and the callback are never touched from two threads. A wakeup that
// arrives after the consumer took the messages itself does nothing: no spurious idle beat.
void StreamOutbox::wake() {
  asio::dispatch(executor_, [state = state_] {
    bool closed = false;
    {
      std::lock_guard lock(state->mutex);
      if (!state->closed && state->queue.empty()) return;
      closed = state->closed;
    }
    state->signal.cancel();
    if (!closed || !state->on_close) return;
    auto callback = std::move(state->on_close);
    state->on_close = nullptr;
    callback();
  });
}

bool StreamOutbox::push(std::string message) {
  bool accepted = false;
  {
    std::lock_guard lock(state_->mutex);
    auto& s = *state_;
    if (s.closed) return false;
    accepted =
        s.queue.size() + 1 <= limits_.max_messages && s.bytes + message.size() <= limits_.max_bytes;
    if (accepted) {
      s.bytes += message.size();
      s.queue.push_back(std::move(message));
      // Only the first message wakes the consumer: it drains the queue before waiting again.
      if (s.queue.size() > 1) return true;
    } else {
      s.overflowed = true;
      s.closed = true;
      s.queue.clear();
      s.bytes = 0;
    }
  }
  wake();
  return accepted;
}

void StreamOutbox::close() {
  {
    std::lock_guard lock(state_->mutex);
    if (state_->closed) return;
    state_->closed = true;
    state_->queue.clear();
    state_->bytes = 0;
  }
  wake();
}

bool StreamOutbox::closed() const {
  std::lock_guard lock(state_->mutex);
  return state_->closed;
}

bool StreamOutbox::overflowed() const {
  std::lock_guard lock(state_->mutex);
  return state_->overflowed;
}

std::size_t StreamOutbox::queued() const {
  std::lock_guard lock(state_->mutex);
  return state_->queue.size();
}

void StreamOutbox::on_close(std::function<void()> callback) {
  state_->on_close = std::move(callback);
}

awaitable<StreamOutbox::Next> StreamOutbox::next(std::chrono::steady_clock::duration idle) {
  bool wait = false;
  {
    std::lock_guard lock(state_->mutex);
    wait = state_->queue.empty() && !state_->closed;
  }
  // A push after the check wakes this wait: its wakeup runs on this executor, so not before the
  // wait has begun.
  if (wait) {
    state_->signal.expires_after(idle);
    boost::system::error_code ec;
    co_await state_->signal.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  Next out;
  std::lock_guard lock(state_->mutex);
  auto& s = *state_;
  if (s.closed) {
    out.kind = Next::Kind::kClosed;
  } else if (s.queue.empty()) {
    out.kind = Next::Kind::kIdle;
  } else {
    out.kind = Next::Kind::kMessage;
    out.message = std::move(s.queue.front());
    s.queue.pop_front();
    s.bytes -= out.message.size();
  }
  co_return out;
}

}  // namespace lox::http
