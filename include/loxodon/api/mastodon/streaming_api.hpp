#pragma once

#include <loxodon/http/router.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/notifications/streaming_service.hpp>
#include <loxodon/streaming/stream_hub.hpp>

#include <optional>
#include <string>

namespace lox::api::mastodon {

// Mastodon's streaming API on the main listener: the WebSocket at /api/v1/streaming (streams
// chosen by query or by subscribe/unsubscribe messages), the server-sent-event endpoints
// /api/v1/streaming/<stream>, and /api/v1/streaming/health. Every stream needs a user token
// (Authorization, access_token, or the WebSocket subprotocol, which is echoed); a bad one is
// refused with 401 before any upgrade.
class StreamingApi {
 public:
  // `hub_executor`: where `hub` is used (serve's control strand); every connection's hub work
  // runs there. None: on the executor of the request that opened the connection, for a server
  // on one thread (tests).
  StreamingApi(services::AuthService& auth, services::StreamingService& streaming,
               streaming::StreamHub& hub,
               std::optional<asio::any_io_executor> hub_executor = std::nullopt);
  void add_routes(http::Router& router);

 private:
  struct Subscriber;
  awaitable<Subscriber> authenticate(const http::Request& request, bool websocket);
  awaitable<http::Response> websocket(http::Request& request);
  awaitable<http::Response> event_stream(http::Request& request, std::string stream_name);

  services::AuthService& auth_;
  services::StreamingService& streaming_;
  streaming::StreamHub& hub_;
  std::optional<asio::any_io_executor> hub_executor_;
};

}  // namespace lox::api::mastodon
