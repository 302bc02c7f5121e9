#include "http/stream_session.hpp"

#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket.hpp>

#include <array>
#include <memory>

namespace lox::http::detail {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;

namespace {

using WebSocket = websocket::stream<beast::tcp_stream&>;

// Reads until the peer goes away; the reader and the writer end each other through the outbox.
struct Reader {
  bool done = false;
  asio::steady_timer finished;
  explicit Reader(asio::any_io_executor ex) : finished(ex) {}
};

// Whatever way a reader ends (the peer left, an error, an exception), the writer learns it.
struct ReaderDone {
  StreamOutbox& outbox;
  Reader& reader;
  ~ReaderDone() {
    outbox.close();
    reader.done = true;
    reader.finished.cancel();
  }
};

awaitable<void> read_websocket(WebSocket* ws, StreamEndpoint* endpoint,
                               std::shared_ptr<StreamOutbox> outbox,
                               std::shared_ptr<Reader> reader) {
  ReaderDone done{*outbox, *reader};
  beast::flat_buffer buffer;
  boost::system::error_code ec;
  while (!outbox->closed()) {
    co_await ws->async_read(buffer, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    if (ws->got_text()) endpoint->received(beast::buffers_to_string(buffer.data()));
    buffer.consume(buffer.size());
  }
}

// Server-sent events are one-way: anything the client sends is discarded, and the end of its
// input means it went away.
awaitable<void> read_until_gone(beast::tcp_stream* stream, std::shared_ptr<StreamOutbox> outbox,
                                std::shared_ptr<Reader> reader) {
  ReaderDone done{*outbox, *reader};
  std::array<char, 4096> sink{};
  boost::system::error_code ec;
  while (!outbox->closed()) {
    co_await stream->socket().async_read_some(asio::buffer(sink),
                                              asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
  }
}

awaitable<void> wait_for(Reader& reader) {
  while (!reader.done) {
    reader.finished.expires_after(std::chrono::seconds(5));
    boost::system::error_code ec;
    co_await reader.finished.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

// Timeouts, message size and the handshake's response headers; `upgrade` and `headers` must
// outlive the handshake.
void configure(WebSocket& ws, const StreamUpgrade& upgrade, const HeaderList& headers,
               const StreamSessionOptions& options) {
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = std::chrono::seconds(30);
  // Beast pings after half the idle time and closes a peer that stayed silent through both.
  timeouts.idle_timeout = options.heartbeat * 2;
  timeouts.keep_alive_pings = true;
  ws.set_option(timeouts);
  ws.read_message_max(options.max_message_bytes);
  ws.set_option(websocket::stream_base::decorator([&](websocket::response_type& res) {
    for (const auto& [name, value] : headers) res.set(name, value);
    // masto.js, browsers and the Node ws client abort a handshake that does not echo the
    // subprotocol they offered (the access token, for masto.js).
    if (!upgrade.subprotocol.empty()) {
      res.set(bhttp::field::sec_websocket_protocol, upgrade.subprotocol);
    }
  }));
}

// Counts an open stream for as long as it lives, and a drop when its outbox overflowed.
class Counted {
 public:
  Counted(Metrics* metrics, const StreamOutbox& outbox) : metrics_(metrics), outbox_(outbox) {
    if (metrics_ != nullptr) metrics_->stream_opened();
  }
  ~Counted() {
    if (metrics_ == nullptr) return;
    metrics_->stream_closed();
    if (outbox_.overflowed()) metrics_->record_stream_drop();
  }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;

 private:
  Metrics* metrics_;
  const StreamOutbox& outbox_;
};

}  // namespace

awaitable<bool> serve_websocket(beast::tcp_stream& stream,
                                bhttp::request<bhttp::string_body>& request,
                                const StreamUpgrade& upgrade, const HeaderList& headers,
                                const StreamSessionOptions& options) {
  auto executor = co_await asio::this_coro::executor;
  WebSocket ws(stream);
  configure(ws, upgrade, headers, options);
  boost::system::error_code ec;
  co_await ws.async_accept(request, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return false;

  auto outbox = std::make_shared<StreamOutbox>(executor, options.limits);
  Counted counted(options.metrics, *outbox);
  // Closing the socket is what ends a write blocked on a consumer that stopped reading.
  outbox->on_close([&stream] {
    boost::system::error_code ignored;
    stream.socket().cancel(ignored);
  });
  auto reader = std::make_shared<Reader>(executor);
  bool failed = false;
  bool reading = false;
  try {
    upgrade.endpoint->opened(outbox);
    asio::co_spawn(executor, read_websocket(&ws, upgrade.endpoint.get(), outbox, reader),
                   asio::detached);
    reading = true;
    ws.text(true);
    while (true) {
      StreamOutbox::Next next = co_await outbox->next(options.heartbeat);
      if (next.kind == StreamOutbox::Next::Kind::kClosed) break;
      if (next.kind == StreamOutbox::Next::Kind::kIdle) continue;  // Beast sends the pings
      co_await ws.async_write(asio::buffer(next.message),
                              asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
    }
  } catch (const std::exception&) {
    failed = true;  // cleaned up below like any other end
  }
  if (!reading) reader->done = true;
  // After a failed or cancelled write the peer gets no close frame: it is not reading.
  failed = failed || ec || outbox->overflowed();
  outbox->on_close(nullptr);
  outbox->close();
  if (!failed && !reader->done && ws.is_open()) {
    // A polite close when the server ends the stream (shutdown); bounded by the socket.
    stream.expires_after(std::chrono::seconds(2));
    co_await ws.async_close(websocket::close_code::going_away,
                            asio::redirect_error(asio::use_awaitable, ec));
  }
  boost::system::error_code ignored;
  stream.socket().cancel(ignored);
  co_await wait_for(*reader);
  upgrade.endpoint->closed();
  co_return true;
}

awaitable<void> serve_event_stream(beast::tcp_stream& stream, unsigned version,
                                   const StreamUpgrade& upgrade, const HeaderList& headers,
                                   const std::string& date, const StreamSessionOptions& options) {
  auto executor = co_await asio::this_coro::executor;
  bhttp::response<bhttp::empty_body> head;
  head.version(version);
  head.result(bhttp::status::ok);
  head.set(bhttp::field::date, date);
  head.set(bhttp::field::content_type, "text/event-stream");
  head.set(bhttp::field::cache_control, "no-store");
  for (const auto& [name, value] : headers) head.set(name, value);
  head.chunked(true);
  head.keep_alive(false);
  bhttp::response_serializer<bhttp::empty_body> serializer(head);
  boost::system::error_code ec;
  stream.expires_after(options.write_timeout);
  co_await bhttp::async_write_header(stream, serializer,
                                     asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return;

  auto outbox = std::make_shared<StreamOutbox>(executor, options.limits);
  Counted counted(options.metrics, *outbox);
  outbox->on_close([&stream] {
    boost::system::error_code ignored;
    stream.socket().cancel(ignored);
  });
  auto reader = std::make_shared<Reader>(executor);
  bool reading = false;
  try {
    upgrade.endpoint->opened(outbox);
    asio::co_spawn(executor, read_until_gone(&stream, outbox, reader), asio::detached);
    reading = true;
    // Mastodon opens the stream with a comment, so clients see it is live at once.
    std::string pending = ":)\n";
    while (!ec) {
      stream.expires_after(options.write_timeout);
      co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(pending)),
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
      stream.expires_never();
      StreamOutbox::Next next = co_await outbox->next(options.heartbeat);
      if (next.kind == StreamOutbox::Next::Kind::kClosed) break;
      pending = next.kind == StreamOutbox::Next::Kind::kIdle ? ":thump\n" : std::move(next.message);
    }
  } catch (const std::exception&) {
    // Cleaned up below like any other end.
  }
  if (!reading) reader->done = true;
  outbox->on_close(nullptr);
  outbox->close();
  stream.expires_never();
  boost::system::error_code ignored;
  stream.socket().cancel(ignored);
  co_await wait_for(*reader);
  upgrade.endpoint->closed();
}

}  // namespace lox::http::detail
