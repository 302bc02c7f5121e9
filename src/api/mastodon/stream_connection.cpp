#include "api/mastodon/stream_connection.hpp"

#include <loxodon/util/json_limits.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace lox::api::mastodon {

namespace {

constexpr std::size_t kMaxMessageDepth = 4;

}  // namespace

StreamConnection::StreamConnection(asio::any_io_executor executor, streaming::StreamHub& hub,
                                   services::StreamingService& service, std::int64_t account_id,
                                   std::string access_token, domain::ScopeSet scopes,
                                   bool websocket, std::vector<Request> initial)
    : executor_(std::move(executor)),
      hub_(hub),
      service_(service),
      account_id_(account_id),
      access_token_(std::move(access_token)),
      scopes_(std::move(scopes)),
      websocket_(websocket),
      initial_(std::move(initial)) {}

// Whatever ends the connection, the hub must not keep a pointer to it. closed() normally took
// it out on the hub's executor; still listed here means that never ran (the loops stopped
// before it could), and no thread is left to race with.
StreamConnection::~StreamConnection() {
  if (listed_) hub_.remove(*this);
}

bool StreamConnection::reads_notifications() const {
  return scopes_.allows("read") || scopes_.allows("read:notifications");
}

void StreamConnection::close() {
  if (open_ && outbox_) outbox_->close();
}

// The server calls these on the connection's strand; the work moves to the hub's executor, in
// the order of the calls (a strand runs what is posted to it in order).
void StreamConnection::opened(std::shared_ptr<http::StreamOutbox> outbox) {
  asio::dispatch(executor_, [self = shared_from_this(), outbox = std::move(outbox)]() mutable {
    self->outbox_ = std::move(outbox);
    self->open_ = true;
    self->guarded([&] {
      for (const auto& request : self->initial_) self->subscribe(request);
    });
    self->initial_.clear();
  });
}

// Off the connection's strand, an exception would end the loop that runs the hub (the whole
// process) instead of the connection, as it did when the server made these calls itself.
template <class F>
void StreamConnection::guarded(F&& work) {
  try {
    work();
  } catch (const std::exception& e) {
    spdlog::get("lox.http")->warn("stream of account {} ended: {}", account_id_, e.what());
    close();
  }
}

void StreamConnection::closed() {
  asio::dispatch(executor_, [self = shared_from_this()] {
    self->open_ = false;
    self->hub_.remove(*self);
    self->listed_ = false;
    self->outbox_.reset();
  });
}

void StreamConnection::listen(const streaming::Stream& stream) {
  hub_.subscribe(*this, stream);
  listed_ = true;
}

void StreamConnection::send(const streaming::StreamMessage& message) {
  if (!open_ || outbox_->closed()) return;
  if (!outbox_->push(websocket_ ? message.websocket() : message.event_stream())) {
    if (outbox_->overflowed()) {
      spdlog::get("lox.http")
          ->info("stream of account {} disconnected: the client fell behind", account_id_);
    }
    // The server closes the connection; closed() will take it out of the hub.
  }
}

void StreamConnection::send_error(const std::string& message, int status) {
  if (!open_) return;
  nlohmann::json frame = {{"error", message}, {"status", status}};
  outbox_->push(frame.dump());
}

void StreamConnection::subscribe(const Request& request) {
  if (const auto* error = std::get_if<streaming::StreamError>(&request)) {
    send_error(error->message, 400);
    return;
  }
  const auto& stream = std::get<streaming::Stream>(request);
  if (!stream.allowed_by(scopes_)) {
    send_error("Access token does not have the required scopes", 401);
    return;
  }
  if (hub_.subscription_count(*this) + pending_lists_ >= kMaxSubscriptions) {
    send_error("Too many subscriptions on one connection", 400);
    return;
  }
  if (stream.kind == streaming::Stream::Kind::kList) {
    ++pending_lists_;
    asio::co_spawn(executor_, subscribe_list(shared_from_this(), stream), asio::detached);
    return;
  }
  listen(stream);
}

// `self` keeps the connection alive while the database answers; it may close meanwhile.
awaitable<void> StreamConnection::subscribe_list(std::shared_ptr<StreamConnection> self,
                                                 streaming::Stream stream) {
  bool owned = false;
  try {
    owned = co_await self->service_.owns_list(self->account_id_, stream.list_id);
  } catch (const std::exception& e) {
    spdlog::get("lox.http")->warn("list stream check failed: {}", e.what());
  }
  --self->pending_lists_;
  if (!self->open_) co_return;
  if (!owned) {
    self->send_error("Not authorized to stream this list", 401);
    co_return;
  }
  self->listen(stream);
}

void StreamConnection::received(std::string_view text) {
  asio::dispatch(executor_, [self = shared_from_this(), message = std::string(text)] {
    self->guarded([&] { self->handle(message); });
  });
}

void StreamConnection::handle(std::string_view text) {
  // {"type":"subscribe","stream":"hashtag","tag":"cats"} and the same with "unsubscribe".
  // Anything else is ignored, as Mastodon ignores it.
  // A subscription is one flat object: anything nested deeper is not one.
  auto message = parse_json_or_discarded(text, kMaxMessageDepth, text.size());
  if (!message.is_object()) return;
  auto field = [&](const char* name) -> std::string {
    if (!message.contains(name)) return "";
    const auto& v = message[name];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    return "";
  };
  std::string type = field("type");
  if (type != "subscribe" && type != "unsubscribe") return;
  auto request = streaming::parse_stream(field("stream"), field("tag"), field("list"));
  if (type == "subscribe") {
    subscribe(request);
  } else if (const auto* stream = std::get_if<streaming::Stream>(&request)) {
    hub_.unsubscribe(*this, *stream);
  }
}

}  // namespace lox::api::mastodon
