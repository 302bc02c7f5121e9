#pragma once

#include <loxodon/domain/scopes.hpp>
#include <loxodon/http/stream_endpoint.hpp>
#include <loxodon/services/streaming_service.hpp>
#include <loxodon/streaming/stream_hub.hpp>

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace lox::api::mastodon {

// One client's streaming connection: its subscriptions in the hub, the subscribe and
// unsubscribe messages of a WebSocket, and the events handed to it, encoded for its transport.
class StreamConnection final : public http::StreamEndpoint,
                               public streaming::StreamSubscriber,
                               public std::enable_shared_from_this<StreamConnection> {
 public:
  using Request = std::variant<streaming::Stream, streaming::StreamError>;

  StreamConnection(asio::any_io_executor executor, streaming::StreamHub& hub,
                   services::StreamingService& service, std::int64_t account_id,
                   domain::ScopeSet scopes, bool websocket, std::vector<Request> initial);

  // http::StreamEndpoint
  void opened(std::shared_ptr<http::StreamOutbox> outbox) override;
  void received(std::string_view text) override;
  void closed() override;

  // streaming::StreamSubscriber
  std::int64_t account_id() const override { return account_id_; }
  void send(const streaming::StreamMessage& message) override;

 private:
  void subscribe(const Request& request);
  awaitable<void> subscribe_list(streaming::Stream stream);
  // Mastodon's in-socket error: {"error":"Unknown stream type","status":400}.
  void send_error(const std::string& message, int status);

  asio::any_io_executor executor_;
  streaming::StreamHub& hub_;
  services::StreamingService& service_;
  std::int64_t account_id_;
  domain::ScopeSet scopes_;
  bool websocket_;
  std::vector<Request> initial_;
  std::shared_ptr<http::StreamOutbox> outbox_;
  bool open_ = false;
};

}  // namespace lox::api::mastodon
