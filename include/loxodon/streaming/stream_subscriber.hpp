#pragma once

#include <loxodon/streaming/stream_message.hpp>

#include <cstdint>
#include <string>

namespace lox::streaming {

// One connected client as the hub sees it: whose it is, what its token allows, and how to hand
// it an event or end it.
class StreamSubscriber {
 public:
  virtual ~StreamSubscriber() = default;
  virtual std::int64_t account_id() const = 0;
  // Mastodon puts notifications on the `user` stream only for tokens that may read them.
  virtual bool reads_notifications() const = 0;
  // The access token the connection was opened with (to check it again when tokens are
  // revoked); never logged.
  virtual const std::string& access_token() const = 0;
  // Ends the connection (its token was revoked).
  virtual void close() = 0;
  // One event on one of its streams.
  virtual void send(const StreamMessage& message) = 0;
};

}  // namespace lox::streaming
