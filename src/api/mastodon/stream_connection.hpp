#pragma once

#include <loxodon/domain/scopes.hpp>
#include <loxodon/http/stream_endpoint.hpp>
#include <loxodon/services/notifications/streaming_service.hpp>
#include <loxodon/streaming/stream_hub.hpp>

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace lox::api::mastodon {

// One client's streaming connection: its subscriptions in the hub, the subscribe and
// unsubscribe messages of a WebSocket, and the events handed to it, encoded for its transport.
// It lives on the hub's executor (`executor`, a strand in `serve`): the server's calls
// (opened, received, closed) come from the connection's strand and are handed over there; the
// dispatcher's (send, close) arrive there already. Its outbox is safe from any thread.
class StreamConnection final : public http::StreamEndpoint,
                               public streaming::StreamSubscriber,
                               public std::enable_shared_from_this<StreamConnection> {
 public:
  using Request = std::variant<streaming::Stream, streaming::StreamError>;

  // At most this many streams on one connection, and list checks waiting for the database.
  static constexpr std::size_t kMaxSubscriptions = 100;

  StreamConnection(asio::any_io_executor executor, streaming::StreamHub& hub,
                   services::StreamingService& service, std::int64_t account_id,
                   std::string access_token, domain::ScopeSet scopes, bool websocket,
                   std::vector<Request> initial);
  ~StreamConnection() override;

  // http::StreamEndpoint
  void opened(std::shared_ptr<http::StreamOutbox> outbox) override;
  void received(std::string_view text) override;
  void closed() override;

  // streaming::StreamSubscriber
  std::int64_t account_id() const override { return account_id_; }
  bool reads_notifications() const override;
  const std::string& access_token() const override { return access_token_; }
  void close() override;
  void send(const streaming::StreamMessage& message) override;

 private:
  void subscribe(const Request& request);
  void handle(std::string_view text);
  template <class F>
  void guarded(F&& work);
  void listen(const streaming::Stream& stream);
  static awaitable<void> subscribe_list(std::shared_ptr<StreamConnection> self,
                                        streaming::Stream stream);
  // Mastodon's in-socket error: {"error":"Unknown stream type","status":400}.
  void send_error(const std::string& message, int status);

  asio::any_io_executor executor_;
  streaming::StreamHub& hub_;
  services::StreamingService& service_;
  std::int64_t account_id_;
  std::string access_token_;
  domain::ScopeSet scopes_;
  bool websocket_;
  std::vector<Request> initial_;
  std::shared_ptr<http::StreamOutbox> outbox_;
  bool open_ = false;
  std::size_t pending_lists_ = 0;
  bool listed_ = false;  // subscribed in the hub since it last removed this connection
};

}  // namespace lox::api::mastodon
