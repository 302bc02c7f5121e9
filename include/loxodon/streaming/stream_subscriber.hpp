#pragma once

#include <loxodon/streaming/stream_message.hpp>

#include <cstdint>

namespace lox::streaming {

// One connected client as the hub sees it: whose it is, and how to hand it an event.
class StreamSubscriber {
 public:
  virtual ~StreamSubscriber() = default;
  virtual std::int64_t account_id() const = 0;
  // One event on one of its streams.
  virtual void send(const StreamMessage& message) = 0;
};

}  // namespace lox::streaming
