#pragma once
// Serving a connection a handler took over (Response::upgrade): WebSocket or server-sent events.

#include <loxodon/http/stream_endpoint.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/metrics.hpp>

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace lox::http::detail {

struct StreamSessionOptions {
  StreamOutbox::Limits limits;
  // Server-sent events get a comment line after this much silence; WebSocket clients a ping
  // (a connection silent for twice this long is closed).
  std::chrono::seconds heartbeat{15};
  std::chrono::seconds write_timeout{30};
  std::size_t max_message_bytes = 64 * 1024;  // client frames (subscribe/unsubscribe)
  Metrics* metrics = nullptr;                 // open connections and drops; null: not measured
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Completes the WebSocket handshake for `request` and runs the stream until either side ends
// it. Returns false when the handshake failed.
awaitable<bool> serve_websocket(
    boost::beast::tcp_stream& stream,
    boost::beast::http::request<boost::beast::http::string_body>& request,
    const StreamUpgrade& upgrade, const HeaderList& headers, const StreamSessionOptions& options);

// Writes a text/event-stream head and the stream's events (chunked) until either side ends it.
awaitable<void> serve_event_stream(boost::beast::tcp_stream& stream, unsigned version,
                                   const StreamUpgrade& upgrade, const HeaderList& headers,
                                   const std::string& date, const StreamSessionOptions& options);

}  // namespace lox::http::detail
