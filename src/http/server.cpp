#include "http/access_log.hpp"
#include "http/client_address.hpp"
#include "http/open_connections.hpp"
#include "http/response_writer.hpp"
#include "http/stream_session.hpp"

#include <loxodon/http/request_ids.hpp>
#include <loxodon/http/server.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/file_handle.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <atomic>
#include <limits>

namespace lox::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

using detail::Connection;

namespace {

bool is_cors_path(std::string_view path) {
  return path.starts_with("/api/") || path.starts_with("/oauth/") ||
         path.starts_with("/.well-known/") || path.starts_with("/nodeinfo/");
}

constexpr const char* kExposedHeaders =
    "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id, "
    "Idempotency-Key";

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

// What a request's head decided, for the steps that read its body and answer it.
struct Routed {
  RouteMatch match;
  std::size_t limit = 0;  // the body limit: the route's own or the server's
  bool log_address = true;
  bool large = false;  // read only once the route's gate accepted the head
};

// An answer the server gives before routing (bad syntax, too large), then closes.
struct Refusal {
  unsigned status;
  std::string_view message;
};

std::shared_ptr<spdlog::logger> http_log() {
  auto log = spdlog::get("lox.http");
  return log ? log : spdlog::default_logger();
}

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(asio::io_context& context, Router r, ServerOptions o)
      : io(context),
        accept_strand(asio::make_strand(context)),
        acceptor(accept_strand),
        router(std::move(r)),
        options(std::move(o)),
        log(http_log()),
        writer(options.write_timeout, log),
        access(log, options) {}

  // Several threads may run `io`: everything below is either read-only once serving (router,
  // options), safe on any thread (writer, access, request_ids, connections_per_ip, the logger),
  // or atomic.
  asio::io_context& io;
  // The acceptor is used on this strand only (the accept loop, and stop() closing it).
  asio::strand<asio::io_context::executor_type> accept_strand;
  tcp::acceptor acceptor;
  Router router;
  ServerOptions options;
  std::shared_ptr<spdlog::logger> log;
  detail::ResponseWriter writer;
  detail::AccessLog access;
  detail::OpenConnections connections;
  detail::ConnectionCounts connections_per_ip;
  std::atomic<bool> stopping{false};
  RequestIds request_ids;

  awaitable<Response> dispatch(const RouteMatch& match, Request& req) {
    if (req.method == "OPTIONS") {
      Response r;
      r.status = 200;
      if (match.kind != RouteMatch::Kind::kNotFound) {
        r.set_header("Allow", join(match.allowed_methods, ", ") + ", OPTIONS");
      } else if (!is_cors_path(req.path)) {
        co_return Response::error(404, "Record not found");
      }
      co_return r;
    }
    switch (match.kind) {
      case RouteMatch::Kind::kNotFound:
        co_return Response::error(404, "Record not found");
      case RouteMatch::Kind::kMethodNotAllowed: {
        Response r = Response::error(405, "Method not allowed");
        r.set_header("Allow", join(match.allowed_methods, ", "));
        co_return r;
      }
      case RouteMatch::Kind::kFound:
        break;
    }
    req.path_params = match.params;
    try {
      co_return co_await match.route->handler(req);
    } catch (const Error& e) {
      unsigned status = http_status(e.code());
      if (status >= 500) {
        log->error("req={} {} {} failed: {}{}{}", req.request_id, req.method, req.path, e.what(),
                   e.detail().empty() ? "" : ": ", e.detail());
      } else if (!e.detail().empty()) {
        log->debug("req={} {}: {}", req.request_id, e.what(), e.detail());
      }
      co_return Response::error(status, e.what(), e.details_json());
    } catch (const std::exception& e) {
      log->error("req={} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
      co_return Response::error(500, "Internal server error");
    }
  }

  // Runs a route's gate on a request's head; the refusal, when it refused.
  awaitable<std::optional<Response>> gate(const RouteMatch& match, Request& req) {
    req.path_params = match.params;
    try {
      co_await match.route->options.before_large_body(req);
      co_return std::nullopt;
    } catch (const Error& e) {
      co_return Response::error(http_status(e.code()), e.what(), e.details_json());
    } catch (const std::exception& e) {
      log->error("req={} {} {} gate failed: {}", req.request_id, req.method, req.path, e.what());
      co_return Response::error(500, "Internal server error");
    }
  }

  // An unnamed file for one spooled body; nothing (and an error logged) when the spool
  // directory cannot take one.
  std::shared_ptr<FileHandle> open_spool_file() {
    const auto& directory = options.spool_directory.empty() ? std::filesystem::temp_directory_path()
                                                            : options.spool_directory;
    try {
      return std::make_shared<FileHandle>(FileHandle::anonymous_in(directory));
    } catch (const std::exception& e) {
      log->error("cannot spool an upload to {}: {}", directory.string(), e.what());
      return nullptr;
    }
  }

  void decorate(Response& res, const Request& req) {
    res.set_header("X-Request-Id", req.request_id);
    if (is_cors_path(req.path)) {
      res.set_header("Access-Control-Allow-Origin", "*");
      res.set_header("Access-Control-Expose-Headers", kExposedHeaders);
      if (req.method == "OPTIONS") {
        res.set_header("Access-Control-Allow-Methods", "POST, PUT, DELETE, GET, PATCH, OPTIONS");
        auto requested = req.header("Access-Control-Request-Headers");
        res.set_header(
            "Access-Control-Allow-Headers",
            requested ? std::string(*requested) : std::string("Authorization, Content-Type"));
        res.set_header("Access-Control-Max-Age", "7200");
      }
    }
  }

  // Answers a request the server refuses before routing (bad syntax, too large) and closes.
  awaitable<void> refuse(beast::tcp_stream& stream, unsigned status, std::string_view message,
                         const std::string& peer) {
    std::string request_id = request_ids.next();
    Response res = Response::error(status, message);
    res.set_header("X-Request-Id", request_id);
    log->info("req={} refused {} ({}) ip={}", request_id, status, message, peer);
    co_await writer.answer_and_close(stream, std::move(res));
  }

  // Hands the connection to a streaming endpoint until either side ends the stream.
  awaitable<void> serve_stream(beast::tcp_stream& stream,
                               bhttp::request<bhttp::string_body>& message, const Request& req,
                               const Response& res, unsigned version, std::string_view route,
                               std::chrono::steady_clock::time_point opened) {
    const StreamUpgrade& upgrade = *res.upgrade;
    detail::StreamSessionOptions stream_options;
    stream_options.write_timeout = options.write_timeout;
    stream_options.metrics = options.metrics;
    bool websocket = upgrade.transport == StreamUpgrade::Transport::kWebSocket;
    if (websocket && !boost::beast::websocket::is_upgrade(message)) {
      boost::system::error_code ec;
      co_await writer.write(stream, Response::error(400, "Expected a WebSocket upgrade"), false,
                            false, version, ec);
      co_return;
    }
    auto started = std::chrono::steady_clock::now();
    access.answered(req, {route, websocket ? 101u : 200u, 0, true, "stream opened"}, opened);
    if (websocket) {
      co_await detail::serve_websocket(stream, message, upgrade, res.headers, stream_options);
    } else {
      // Named: a temporary in a co_await expression is not safe with GCC 12.
      const std::string date = writer.date_header();
      co_await detail::serve_event_stream(stream, version, upgrade, res.headers, date,
                                          stream_options);
    }
    if (options.access_log) {
      auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
      log->info("req={} stream closed after {}s", req.request_id, seconds);
    }
  }

  // `self` keeps the server state alive for as long as any connection coroutine exists.
  // Runs on the connection's own strand (the socket's executor).
  awaitable<void> session(std::shared_ptr<Impl> self, tcp::socket socket) {
    (void)self;
    auto connection = std::make_shared<Connection>(std::move(socket));
    beast::tcp_stream& stream = connection->stream;
    Connection& conn = *connection;
    connections.add(connection);
    struct Unregister {
      Impl& s;
      std::shared_ptr<Connection> c;
      ~Unregister() { s.connections.remove(c); }
    } unregister{*this, connection};

    const std::string peer = detail::peer_address(stream.socket());
    // One address holds at most so many connections (a proxy in front counts as none).
    const bool counted = !detail::is_trusted(options.trusted_proxies, peer);
    if (!co_await admit(stream, peer, counted)) co_return;
    struct Uncount {
      Impl& s;
      const std::string& peer;
      bool counted;
      ~Uncount() {
        if (counted) s.connections_per_ip.remove(peer);
      }
    } uncount{*this, peer, counted};
    // Bounded: chunk extensions and trailers are not counted by Beast's body and header
    // limits, so the buffer's own limit is what keeps one connection from filling memory.
    beast::flat_buffer buffer(options.max_header_bytes + 64 * 1024);

    while (!stopping) {
      if (!co_await serve_request(stream, conn, buffer, peer)) break;
    }
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
  }

  // Counts a connection against its address; false when the address has too many open already
  // (answered 503 and closed).
  awaitable<bool> admit(beast::tcp_stream& stream, const std::string& peer, bool counted) {
    if (!counted) co_return true;
    const std::size_t open = connections_per_ip.try_add(peer, options.max_connections_per_ip);
    if (open < options.max_connections_per_ip) co_return true;
    log->warn("refused a connection from {}: {} open already", peer, open);
    co_await refuse(stream, 503, "Too many connections from your address", peer);
    boost::system::error_code ec;
    stream.socket().close(ec);
    co_return false;
  }

  // Reads, answers and logs one request; false when the connection ends with it.
  awaitable<bool> serve_request(beast::tcp_stream& stream, Connection& conn,
                                beast::flat_buffer& buffer, const std::string& peer) {
    if (buffer.size() == 0) {
      if (!co_await wait_for_request(stream, conn, buffer)) co_return false;
    }
    conn.idle = false;
    auto started = std::chrono::steady_clock::now();

    bhttp::request_parser<bhttp::string_body> parser;
    if (!co_await read_head(stream, buffer, parser, peer)) co_return false;
    Request req;
    Routed routed;
    // The steps that need not wait are plain calls: a request that is answered at once pays
    // for no coroutine frame it does not use.
    if (auto refusal = accept_head(parser, peer, req, routed)) {
      co_await refuse(stream, refusal->status, refusal->message, peer);
      co_return false;
    }
    if (needs_gate(routed) && !co_await pass_gate(stream, routed, req, started)) co_return false;
    bhttp::request<bhttp::string_body> message;
    if (!co_await read_body(stream, buffer, parser, routed, req, message, peer)) co_return false;
    co_return co_await respond(stream, conn, routed, req, message, started);
  }

  // Between requests: waits for the first byte under the idle timeout; false when none came.
  awaitable<bool> wait_for_request(beast::tcp_stream& stream, Connection& conn,
                                   beast::flat_buffer& buffer) {
    boost::system::error_code ec;
    conn.idle = true;
    stream.expires_after(options.idle_timeout);
    std::size_t n = co_await stream.async_read_some(buffer.prepare(4096),
                                                    asio::redirect_error(asio::use_awaitable, ec));
    conn.idle = false;
    if (ec) co_return false;
    buffer.commit(n);
    co_return true;
  }

  // False when the connection ends instead: the head was too large or malformed (answered),
  // timed out, or the client went away.
  awaitable<bool> read_head(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                            bhttp::request_parser<bhttp::string_body>& parser,
                            const std::string& peer) {
    boost::system::error_code ec;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    // No effective body limit while the head is parsed: the limit depends on the route, and is
    // applied (to the declared length first) once the head is known. Not boost::none: Beast
    // 1.74 compares the length against an empty optional and always fails.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    stream.expires_after(options.header_timeout);
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
      co_await refuse(stream, 431, "Request header fields too large", peer);
      co_return false;
    }
    if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::operation_aborted) {
      co_return false;
    }
    if (ec) {
      log->debug("bad request head from {}: {}", peer, ec.message());
      co_await refuse(stream, 400, "Malformed HTTP request", peer);
      co_return false;
    }
    co_return true;
  }

  // Fills `req` from the head and routes it; the refusal to answer (and close with) when the
  // head is refused.
  std::optional<Refusal> accept_head(bhttp::request_parser<bhttp::string_body>& parser,
                                     const std::string& peer, Request& req, Routed& r) {
    const auto& head = parser.get();
    // A proxy's id (or a client's) is kept when it is plainly an id: one id across the logs.
    auto incoming = head.find("X-Request-Id");
    req.request_id = request_ids.for_request(
        incoming == head.end() ? std::nullopt : std::optional<std::string_view>(incoming->value()));
    req.method = std::string(head.method_string());
    req.target = std::string(head.target());
    auto qmark = req.target.find('?');
    // Kept encoded: the router decodes each segment, so %2F cannot add a segment and the
    // access log never sees decoded control characters.
    req.path = req.target.substr(0, qmark);
    if (!req.path.starts_with('/')) return Refusal{400, "Malformed request target"};

    // RFC 9112 §6.1: a transfer coding other than a final "chunked", or one beside a
    // Content-Length, leaves the message length ambiguous (request smuggling).
    if (head.count(bhttp::field::transfer_encoding) > 0 &&
        (!parser.chunked() || head.count(bhttp::field::content_length) > 0)) {
      return Refusal{400, "Malformed HTTP request"};
    }

    r.match = router.match(req.method, req.path);
    r.log_address = r.match.route == nullptr || !r.match.route->options.anonymous_log;
    r.limit = options.max_body_bytes;
    if (r.match.route != nullptr && r.match.route->options.max_body_bytes) {
      r.limit = *r.match.route->options.max_body_bytes;
    }
    // Refuse a declared oversize body before reading any of it, whatever the path.
    if (auto declared = parser.content_length(); declared && *declared > r.limit) {
      return Refusal{413, "Request body too large"};
    }
    for (const auto& field : head) {
      req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    if (qmark != std::string::npos) {
      req.query = parse_query_string(std::string_view(req.target).substr(qmark + 1));
    }
    detail::resolve_client(req, peer, options.trusted_proxies);
    const auto declared = parser.content_length();
    r.large = declared ? *declared > options.unauthenticated_body_bytes : !parser.is_done();
    return std::nullopt;
  }

  // The route's name in metrics and the log: its pattern, never the path (bounded labels).
  static std::string_view route_name(const Routed& r) {
    return r.match.route != nullptr ? std::string_view(r.match.route->pattern) : "unmatched";
  }

  static bool needs_gate(const Routed& r) {
    return r.large && r.match.route != nullptr && r.match.route->options.before_large_body;
  }

  // A large body (or one of unknown length) is read only once the route's gate accepted the
  // head: its refusal is sent and the connection closed without reading the body.
  awaitable<bool> pass_gate(beast::tcp_stream& stream, const Routed& r, Request& req,
                            std::chrono::steady_clock::time_point started) {
    std::optional<Response> refusal = co_await gate(r.match, req);
    if (!refusal) co_return true;
    decorate(*refusal, req);
    access.answered(req, {route_name(r), refusal->status, 0, r.log_address, "before its body"},
                    started);
    co_await writer.answer_and_close(stream, std::move(*refusal));
    co_return false;
  }

  // Into memory, or into a spool file for the routes that take large uploads; false when the
  // connection ends instead.
  awaitable<bool> read_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                            bhttp::request_parser<bhttp::string_body>& parser, const Routed& r,
                            Request& req, bhttp::request<bhttp::string_body>& message,
                            const std::string& peer) {
    boost::system::error_code ec;
    parser.body_limit(r.limit);
    const bool spool =
        r.large && r.match.route != nullptr && r.match.route->options.spool_large_body;
    if (spool) {
      auto file = open_spool_file();
      if (!file) {
        co_await refuse(stream, 503, "Uploads cannot be taken right now", peer);
        co_return false;
      }
      co_await spool_body(stream, buffer, parser, r.limit, file->fd(), message, ec);
      if (!ec) req.spooled_body = ByteSource::whole_file(std::move(file));
    } else if (!parser.is_done()) {
      stream.expires_after(options.body_timeout);
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
    }
    if (ec) {
      co_await end_on_body_error(stream, ec, peer);
      co_return false;
    }
    stream.expires_never();

    if (!spool) {
      message = parser.release();
      req.body = std::move(message.body());
    }
    co_return true;
  }

  // The head was parsed as a string message; the body goes to the file (a duplicate of `fd`)
  // instead.
  awaitable<void> spool_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                             bhttp::request_parser<bhttp::string_body>& parser, std::size_t limit,
                             int fd, bhttp::request<bhttp::string_body>& message,
                             boost::system::error_code& ec) {
    bhttp::request_parser<bhttp::file_body> file_parser(std::move(parser));
    file_parser.body_limit(limit);
    beast::file body_file;
    body_file.native_handle(::dup(fd));
    file_parser.get().body().reset(std::move(body_file), ec);
    if (!ec) {
      stream.expires_after(options.body_timeout);
      co_await bhttp::async_read(stream, buffer, file_parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
    }
    message = bhttp::request<bhttp::string_body>(
        bhttp::request_header<>(static_cast<const bhttp::request_header<>&>(file_parser.get())));
  }

  // Reading the body failed, which ends the connection: answered when the client can still
  // read an answer.
  awaitable<void> end_on_body_error(beast::tcp_stream& stream, const boost::system::error_code& ec,
                                    const std::string& peer) {
    if (ec == bhttp::error::body_limit || ec == bhttp::error::buffer_overflow) {
      co_await refuse(stream, 413, "Request body too large", peer);
    } else if (ec == beast::error::timeout || ec == asio::error::eof ||
               ec == asio::error::connection_reset || ec == bhttp::error::partial_message) {
      // The client is gone or too slow: nobody to answer.
    } else if (ec == boost::system::errc::no_space_on_device ||
               ec == boost::system::errc::file_too_large) {
      log->error("cannot spool an upload: {}", ec.message());
      co_await refuse(stream, 507, "The server has no room for this upload now", peer);
    } else {
      log->debug("bad request body from {}: {}", peer, ec.message());
      co_await refuse(stream, 400, "Malformed HTTP request", peer);
    }
  }

  // Dispatches the request and writes the answer, or hands the connection to a stream; false
  // when the connection ends with it.
  awaitable<bool> respond(beast::tcp_stream& stream, Connection& conn, const Routed& r,
                          Request& req, bhttp::request<bhttp::string_body>& message,
                          std::chrono::steady_clock::time_point started) {
    bool keep_alive = message.keep_alive();
    unsigned version = message.version();

    Response res = co_await dispatch(r.match, req);
    decorate(res, req);
    if (res.upgrade) {
      conn.idle = true;  // nothing in flight to finish: shutdown may close it at once
      co_await serve_stream(stream, message, req, res, version, route_name(r), started);
      co_return false;
    }
    unsigned status = res.status;
    std::size_t bytes = res.streamed ? res.streamed->length : res.body.size();
    keep_alive = keep_alive && !stopping;
    boost::system::error_code ec;
    co_await writer.write(stream, std::move(res), req.method == "HEAD", keep_alive, version, ec);
    access.answered(req, {route_name(r), status, bytes, r.log_address, {}}, started);
    co_return !ec && keep_alive;
  }

  // Runs on accept_strand. Each connection gets a strand of its own, so the io_context may be
  // run by any number of threads and a connection's steps still never run at once.
  awaitable<void> accept_loop(std::shared_ptr<Impl> self) {
    while (acceptor.is_open()) {
      boost::system::error_code ec;
      const asio::any_io_executor strand = asio::make_strand(io);
      tcp::socket socket =
          co_await acceptor.async_accept(strand, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) break;
        // EMFILE and friends: back off briefly instead of spinning.
        log->warn("accept failed: {}", ec.message());
        asio::steady_timer pause(io, std::chrono::milliseconds(100));
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      const asio::any_io_executor executor = socket.get_executor();
      asio::co_spawn(executor, session(self, std::move(socket)), [log = log](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          log->error("connection ended with an error: {}", ex.what());
        }
      });
    }
  }
};

Server::Server(asio::io_context& io, Router router, ServerOptions options)
    : impl_(std::make_shared<Impl>(io, std::move(router), std::move(options))) {}

Server::~Server() = default;

unsigned short Server::start() {
  auto& s = *impl_;
  auto address =
      asio::ip::make_address(s.options.address == "localhost" ? "127.0.0.1" : s.options.address);
  tcp::endpoint endpoint(address, s.options.port);
  s.acceptor.open(endpoint.protocol());
  s.acceptor.set_option(tcp::acceptor::reuse_address(true));
  s.acceptor.bind(endpoint);
  s.acceptor.listen(asio::socket_base::max_listen_connections);
  unsigned short port = s.acceptor.local_endpoint().port();
  asio::co_spawn(s.accept_strand, s.accept_loop(impl_), asio::detached);
  return port;
}

awaitable<void> Server::stop(std::chrono::seconds grace) {
  auto self = impl_;
  auto& s = *self;
  s.stopping = true;
  // A connection accepted meanwhile sees `stopping` and closes at once.
  asio::post(s.accept_strand, [self] {
    boost::system::error_code ignored;
    self->acceptor.close(ignored);
  });
  auto deadline = std::chrono::steady_clock::now() + grace;
  asio::steady_timer timer(s.io);
  boost::system::error_code ec;
  for (auto open = s.connections.now(); !open.empty(); open = s.connections.now()) {
    bool late = std::chrono::steady_clock::now() >= deadline;
    for (const auto& c : open) {
      // On the connection's strand, where its coroutine uses the socket. Idle keep-alive
      // connections go at once; busy ones finish their request first.
      asio::post(c->stream.get_executor(), [c, late] {
        boost::system::error_code ignored;
        if (c->idle || late) c->stream.socket().close(ignored);
      });
    }
    if (late) break;
    timer.expires_after(std::chrono::milliseconds(10));
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

std::size_t Server::open_connections() const { return impl_->connections.size(); }

}  // namespace lox::http
