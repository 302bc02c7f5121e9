#pragma once

#include <loxodon/http/stream_outbox.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace lox::http {

// The application's side of one long-lived streaming connection. A handler returns it in
// Response::upgrade; the server completes the WebSocket handshake (or writes the event-stream
// head), then calls opened(), received() for each text message, and closed() exactly once.
// All calls happen on the connection's strand, which is not the stream hub's: an endpoint that
// shares state with other connections hands its work to where that state lives.
class StreamEndpoint {
 public:
  virtual ~StreamEndpoint() = default;
  virtual void opened(std::shared_ptr<StreamOutbox> outbox) = 0;
  virtual void received(std::string_view text) = 0;
  virtual void closed() = 0;
};

// How a handler hands the connection over (see Response::upgrade).
struct StreamUpgrade {
  enum class Transport { kWebSocket, kEventStream };
  Transport transport = Transport::kWebSocket;
  std::string subprotocol;  // echoed in Sec-WebSocket-Protocol when not empty
  std::shared_ptr<StreamEndpoint> endpoint;
};

}  // namespace lox::http
