#include "api/mastodon/stream_connection.hpp"

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/api/mastodon/streaming_api.hpp>
#include <loxodon/util/error.hpp>

#include <algorithm>
#include <array>

namespace lox::api::mastodon {

namespace {

// The WebSocket subprotocol offered, which masto.js and browsers use to carry the token.
std::string offered_subprotocol(const http::Request& request) {
  auto header = request.header("Sec-WebSocket-Protocol");
  if (!header) return "";
  std::string_view v = header->substr(0, header->find(','));
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return std::string(v);
}

bool asks_for_websocket(const http::Request& request) {
  auto upgrade = request.header("Upgrade");
  return upgrade && http::iequals(*upgrade, "websocket");
}

std::string param(const http::Request& request, std::string_view name) {
  auto v = request.query_param(name);
  return v ? std::string(*v) : "";
}

}  // namespace

struct StreamingApi::Subscriber {
  services::Caller caller;
  std::string token;
  std::string subprotocol;
};

StreamingApi::StreamingApi(services::AuthService& auth, services::StreamingService& streaming,
                           streaming::StreamHub& hub,
                           std::optional<asio::any_io_executor> hub_executor)
    : auth_(auth), streaming_(streaming), hub_(hub), hub_executor_(std::move(hub_executor)) {}

void StreamingApi::add_routes(http::Router& router) {
  router.add("GET", "/api/v1/streaming/health", [](http::Request&) -> awaitable<http::Response> {
    co_return http::Response::text(200, "OK", "text/plain; charset=utf-8");
  });
  router.add("GET", "/api/v1/streaming",
             [this](http::Request& request) { return websocket(request); });
  // The server-sent-event endpoints, named by path as Mastodon names them.
  static constexpr std::array<std::pair<const char*, const char*>, 12> kPaths = {{
      {"/api/v1/streaming/user", "user"},
      {"/api/v1/streaming/user/notification", "user:notification"},
      {"/api/v1/streaming/public", "public"},
      {"/api/v1/streaming/public/local", "public:local"},
      {"/api/v1/streaming/public/remote", "public:remote"},
      {"/api/v1/streaming/public/media", "public:media"},
      {"/api/v1/streaming/public/local/media", "public:local:media"},
      {"/api/v1/streaming/public/remote/media", "public:remote:media"},
      {"/api/v1/streaming/hashtag", "hashtag"},
      {"/api/v1/streaming/hashtag/local", "hashtag:local"},
      {"/api/v1/streaming/list", "list"},
      {"/api/v1/streaming/direct", "direct"},
  }};
  for (const auto& [path, name] : kPaths) {
    router.add("GET", path, [this, name = std::string(name)](http::Request& request) {
      return event_stream(request, name);
    });
  }
}

awaitable<StreamingApi::Subscriber> StreamingApi::authenticate(const http::Request& request,
                                                               bool websocket) {
  Subscriber out;
  std::string token = bearer_token(request);
  if (websocket) out.subprotocol = offered_subprotocol(request);
  if (token.empty()) token = out.subprotocol;
  if (token.empty()) throw Error(ErrorCode::kUnauthorized, "Missing access token");
  auto caller = co_await auth_.authenticate(token);
  // Streams are about a person: app-only tokens and accounts that may not sign in are refused.
  if (!caller || !caller->user || services::login_blocked_reason(*caller->user)) {
    throw Error(ErrorCode::kUnauthorized, "Invalid access token");
  }
  out.caller = std::move(*caller);
  out.token = std::move(token);
  co_return out;
}

awaitable<http::Response> StreamingApi::websocket(http::Request& request) {
  // Plain GETs are not the streaming API (Mastodon answers them with 404 too).
  if (!asks_for_websocket(request)) throw Error(ErrorCode::kNotFound, "Record not found");
  Subscriber subscriber = co_await authenticate(request, true);
  std::vector<StreamConnection::Request> initial;
  // A stream in the query is subscribed at once; a bad one is an error event on the open
  // socket, as in Mastodon, and the connection stays.
  if (auto stream = request.query_param("stream")) {
    initial.push_back(
        streaming::parse_stream(*stream, param(request, "tag"), param(request, "list")));
  }
  asio::any_io_executor executor = co_await asio::this_coro::executor;
  if (hub_executor_) executor = *hub_executor_;
  http::Response res;
  res.status = 101;
  res.upgrade = std::make_shared<http::StreamUpgrade>();
  res.upgrade->transport = http::StreamUpgrade::Transport::kWebSocket;
  res.upgrade->subprotocol = subscriber.subprotocol;
  res.upgrade->endpoint = std::make_shared<StreamConnection>(
      executor, hub_, streaming_, subscriber.caller.user->account.id, subscriber.token,
      subscriber.caller.scopes, true, std::move(initial));
  co_return res;
}

awaitable<http::Response> StreamingApi::event_stream(http::Request& request,
                                                     std::string stream_name) {
  Subscriber subscriber = co_await authenticate(request, false);
  // Mastodon's SSE endpoints take only_media=true for the public streams' :media variants.
  auto only_media = request.query_param("only_media");
  if (stream_name.starts_with("public") && !stream_name.ends_with(":media") && only_media &&
      (*only_media == "true" || *only_media == "1")) {
    stream_name += ":media";
  }
  auto parsed = streaming::parse_stream(stream_name, param(request, "tag"), param(request, "list"));
  if (const auto* error = std::get_if<streaming::StreamError>(&parsed)) {
    throw Error(ErrorCode::kBadRequest, error->message);
  }
  auto stream = std::get<streaming::Stream>(parsed);
  if (!stream.allowed_by(subscriber.caller.scopes)) {
    throw Error(ErrorCode::kUnauthorized, "Access token does not have the required scopes");
  }
  if (stream.kind == streaming::Stream::Kind::kList) {
    bool owned = co_await streaming_.owns_list(subscriber.caller.user->account.id, stream.list_id);
    if (!owned) throw Error(ErrorCode::kUnauthorized, "Not authorized to stream this list");
  }
  if (request.method == "HEAD") {
    // A HEAD (routed like GET) learns what a GET would start, without a stream.
    co_return http::Response::text(200, "", "text/event-stream");
  }
  std::vector<StreamConnection::Request> initial{stream};
  asio::any_io_executor executor = co_await asio::this_coro::executor;
  if (hub_executor_) executor = *hub_executor_;
  http::Response res;
  res.upgrade = std::make_shared<http::StreamUpgrade>();
  res.upgrade->transport = http::StreamUpgrade::Transport::kEventStream;
  res.upgrade->endpoint = std::make_shared<StreamConnection>(
      executor, hub_, streaming_, subscriber.caller.user->account.id, subscriber.token,
      subscriber.caller.scopes, false, std::move(initial));
  co_return res;
}

}  // namespace lox::api::mastodon
