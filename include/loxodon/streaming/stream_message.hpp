#pragma once

#include <loxodon/streaming/stream.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace lox::streaming {

// One event on one stream, encoded for each transport the first time a subscriber asks, so a
// status rendered once for a thousand subscribers is also encoded once.
class StreamMessage {
 public:
  // `payload`: the JSON text of the entity, a bare id (delete), or nothing (filters_changed).
  StreamMessage(Stream stream, std::string_view event, std::optional<std::string> payload);

  // Mastodon's WebSocket frame: {"stream":["hashtag","cats"],"event":"update","payload":"…"}
  // with the payload as a JSON string.
  const std::string& websocket() const;
  // A server-sent event: "event: update\ndata: …\n\n".
  const std::string& event_stream() const;

 private:
  Stream stream_;
  std::string event_;
  std::optional<std::string> payload_;
  mutable std::optional<std::string> websocket_;
  mutable std::optional<std::string> event_stream_;
};

}  // namespace lox::streaming
