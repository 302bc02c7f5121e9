#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/services/notifications/streaming_service.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/streaming/stream_hub.hpp>
#include <loxodon/util/asio.hpp>

#include <cstddef>
#include <deque>
#include <string>

namespace lox::api::mastodon {

// Turns the events every process hears (PostgreSQL NOTIFY, ids only) into the messages this
// process's subscribers receive: finds who among them an event reaches, by the REST
// timelines' rules, renders the payload for them as the REST API would (once for all who see
// it alike), and hands it to their connections. Events are handled one at a time, in order.
class StreamDispatcher {
 public:
  StreamDispatcher(asio::any_io_executor executor, const config::Config& config,
                   services::StreamingService& streaming, streaming::StreamHub& hub);

  // A NOTIFY payload (the Listener's callback). Bounded: a backlog beyond the limit closes every
  // stream rather than growing without end or dropping events unseen.
  void notify(const std::string& payload);
  awaitable<void> run();
  void stop();

 private:
  awaitable<void> dispatch(const streaming::Event& event);
  awaitable<void> status_event(const streaming::Event& event);
  awaitable<void> notification_event(const streaming::Event& event);
  awaitable<void> conversation_event(const streaming::Event& event);
  void filters_changed(const streaming::Event& event);
  // Events were lost (a LISTEN reconnect, an overflowing backlog): every stream here is closed
  // so its app reconnects and reloads, instead of silently missing them.
  void resync_everyone(const std::string& why);
  // Some of an account's tokens were revoked: its connections whose token no longer works end.
  awaitable<void> access_revoked(const streaming::Event& event);
  // Announcements reach every user stream.
  awaitable<void> announcement_event(const streaming::Event& event);

  static constexpr std::size_t kMaxBacklog = 10000;

  const config::Config& config_;
  services::StreamingService& streaming_;
  streaming::StreamHub& hub_;
  std::deque<streaming::Event> backlog_;
  asio::steady_timer signal_;
  bool stopping_ = false;
  // Whether the listener has connected once: its later empty payloads mean a reconnect.
  bool connected_before_ = false;
};

}  // namespace lox::api::mastodon
