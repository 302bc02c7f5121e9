#include "api/mastodon/announcement_serializer.hpp"
#include "api/mastodon/conversation_serializer.hpp"
#include "api/mastodon/notification_serializer.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/stream_dispatcher.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace lox::api::mastodon {

namespace {

using streaming::Event;
using streaming::Stream;
using streaming::StreamMessage;
using Kind = streaming::Stream::Kind;

std::shared_ptr<spdlog::logger> log() {
  auto l = spdlog::get("lox.http");
  return l ? l : spdlog::default_logger();
}

// The public streams a status appears on (Mastodon: public, not a boost, not a reply to
// someone else), and the subscribed hashtag streams of its tags (replies included).
std::vector<Stream> public_streams(const domain::StreamStatusFacts& f,
                                   const streaming::StreamHub& hub) {
  std::vector<Stream> out;
  if (f.visibility != 0 || f.reblog) return out;
  if (!f.reply_to_other) {
    out.push_back(Stream::of(Kind::kPublic));
    out.push_back(Stream::of(f.local ? Kind::kPublicLocal : Kind::kPublicRemote));
    if (f.has_media) {
      out.push_back(Stream::of(Kind::kPublicMedia));
      out.push_back(Stream::of(f.local ? Kind::kPublicLocalMedia : Kind::kPublicRemoteMedia));
    }
  }
  auto tagged = [&](Kind kind) {
    for (auto& s : hub.streams(kind)) {
      if (std::find(f.tags.begin(), f.tags.end(), s.tag) != f.tags.end()) out.push_back(s);
    }
  };
  if (!f.tags.empty()) {
    tagged(Kind::kHashtag);
    if (f.local) tagged(Kind::kHashtagLocal);
  }
  return out;
}

void deliver(const streaming::StreamHub::Subscribers& subscribers, const StreamMessage& message) {
  // A copy: a send may close a connection, which leaves the hub.
  std::vector<streaming::StreamSubscriber*> targets(subscribers.begin(), subscribers.end());
  for (auto* s : targets) s->send(message);
}

// Who sees a status, keyed by viewer: one shared text for all who see it alike.
using TextByViewer = std::unordered_map<std::int64_t, std::shared_ptr<const std::string>>;

// Among this process's subscribers: user streams (home feeds), subscribed lists, and the
// subscribers of the public streams the status appears on.
awaitable<services::StatusAudience> status_audience(services::StreamingService& service,
                                                    const streaming::StreamHub& hub,
                                                    std::int64_t status_id,
                                                    const std::vector<Stream>& streams) {
  std::set<std::int64_t> public_candidates;
  for (const auto& s : streams) {
    for (auto* subscriber : hub.subscribers(s)) public_candidates.insert(subscriber->account_id());
  }
  std::vector<std::int64_t> lists;
  for (const auto& s : hub.streams(Kind::kList)) lists.push_back(s.list_id);
  std::vector<std::int64_t> public_list(public_candidates.begin(), public_candidates.end());
  co_return co_await service.status_audience(status_id, hub.accounts(Kind::kUser), std::move(lists),
                                             std::move(public_list));
}

void share_pages(const config::Config& config, const std::vector<services::SharedStatusPage>& pages,
                 TextByViewer& into) {
  for (const auto& shared : pages) {
    auto text = std::make_shared<const std::string>(
        status_json_text(config, shared.page.statuses.at(0), shared.page));
    for (auto v : shared.viewers) into[v] = text;
  }
}

// Who gets which text, by context: home feeds and lists, and public and hashtag streams
// (each viewer's filters apply by the context the status is shown in).
awaitable<void> render_texts(services::StreamingService& service, const config::Config& config,
                             const Event& event, const services::StatusAudience& audience,
                             TextByViewer& home_text, TextByViewer& public_text) {
  if (event.kind == Event::Kind::kDelete) {
    auto id = std::make_shared<const std::string>(std::to_string(event.id));
    for (auto a : audience.home) home_text[a] = id;
    for (const auto& l : audience.lists) home_text[l.owner] = id;
    for (auto a : audience.public_viewers) public_text[a] = id;
    co_return;
  }
  std::set<std::int64_t> home_viewers(audience.home.begin(), audience.home.end());
  for (const auto& l : audience.lists) home_viewers.insert(l.owner);
  std::vector<std::int64_t> home_list(home_viewers.begin(), home_viewers.end());
  auto home_pages =
      co_await service.render_status(event.id, home_list, domain::FilterContext::kHome);
  auto public_pages = co_await service.render_status(event.id, audience.public_viewers,
                                                     domain::FilterContext::kPublic);
  share_pages(config, home_pages, home_text);
  share_pages(config, public_pages, public_text);
}

// One message per stream and text: subscribers who see the status alike share its encoding.
void send_grouped(const Stream& stream, const streaming::StreamHub::Subscribers& targets,
                  std::string_view name, const TextByViewer& texts) {
  std::unordered_map<const std::string*, std::unique_ptr<StreamMessage>> messages;
  std::vector<streaming::StreamSubscriber*> copy(targets.begin(), targets.end());
  for (auto* s : copy) {
    auto it = texts.find(s->account_id());
    if (it == texts.end()) continue;
    auto& message = messages[it->second.get()];
    if (!message) message = std::make_unique<StreamMessage>(stream, name, *it->second);
    s->send(*message);
  }
}

// The user streams of the accounts whose home feed has the status.
void send_to_users(const streaming::StreamHub& hub, std::string_view name,
                   const services::StatusAudience& audience, const TextByViewer& home_text) {
  std::unordered_map<const std::string*, std::unique_ptr<StreamMessage>> user_messages;
  for (const auto& [account, text] : home_text) {
    if (std::find(audience.home.begin(), audience.home.end(), account) == audience.home.end()) {
      continue;  // only a list owner
    }
    auto& message = user_messages[text.get()];
    if (!message) message = std::make_unique<StreamMessage>(Stream::of(Kind::kUser), name, *text);
    deliver(hub.subscribers(Stream::of(Kind::kUser), account), *message);
  }
}

}  // namespace

StreamDispatcher::StreamDispatcher(asio::any_io_executor executor, const config::Config& config,
                                   services::StreamingService& streaming, streaming::StreamHub& hub)
    : config_(config), streaming_(streaming), hub_(hub), signal_(executor) {}

void StreamDispatcher::notify(const std::string& payload) {
  if (payload.empty()) {
    // The listener (re)connected. After a reconnect, whatever was published while it was away
    // never arrives: rather than let apps miss it silently, their streams are closed, and a
    // Mastodon app reconnects and reloads what it shows.
    if (connected_before_) resync_everyone("the database connection carrying events came back");
    connected_before_ = true;
    return;
  }
  auto event = streaming::decode(payload);
  if (!event) {
    log()->warn("ignoring a malformed streaming event");
    return;
  }
  if (hub_.connection_count() == 0) return;  // nobody here to tell
  if (backlog_.size() >= kMaxBacklog) {
    // Dropping events would leave every stream silently incomplete; closing them is honest.
    resync_everyone("streaming fell " + std::to_string(backlog_.size()) + " events behind");
    return;
  }
  backlog_.push_back(*event);
  signal_.cancel();
}

void StreamDispatcher::resync_everyone(const std::string& why) {
  backlog_.clear();
  auto connections = hub_.connections();
  if (connections.empty()) return;
  log()->warn("{}: closing {} streaming connections so their apps reload", why, connections.size());
  for (auto* connection : connections) connection->close();
}

void StreamDispatcher::stop() {
  stopping_ = true;
  signal_.cancel();
}

awaitable<void> StreamDispatcher::run() {
  while (!stopping_) {
    if (backlog_.empty()) {
      signal_.expires_after(std::chrono::hours(1));
      boost::system::error_code ec;
      co_await signal_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    Event event = backlog_.front();
    backlog_.pop_front();
    try {
      co_await dispatch(event);
    } catch (const std::exception& e) {
      // One event that cannot be rendered must not stop the stream for everyone.
      log()->warn("streaming event {} {} failed: {}", streaming::event_name(event.kind), event.id,
                  e.what());
    }
  }
}

awaitable<void> StreamDispatcher::dispatch(const Event& event) {
  switch (event.kind) {
    case Event::Kind::kUpdate:
    case Event::Kind::kStatusUpdate:
    case Event::Kind::kDelete:
      co_await status_event(event);
      break;
    case Event::Kind::kNotification:
      co_await notification_event(event);
      break;
    case Event::Kind::kConversation:
      co_await conversation_event(event);
      break;
    case Event::Kind::kFiltersChanged:
      filters_changed(event);
      break;
    case Event::Kind::kAccessRevoked:
      co_await access_revoked(event);
      break;
    case Event::Kind::kAnnouncement:
    case Event::Kind::kAnnouncementDelete:
    case Event::Kind::kAnnouncementReaction:
      co_await announcement_event(event);
      break;
  }
}

awaitable<void> StreamDispatcher::status_event(const Event& event) {
  auto facts = co_await streaming_.status_facts(event.id);
  if (!facts) co_return;
  auto streams = public_streams(*facts, hub_);
  auto audience = co_await status_audience(streaming_, hub_, event.id, streams);

  std::string_view name = streaming::event_name(event.kind);
  TextByViewer home_text, public_text;
  co_await render_texts(streaming_, config_, event, audience, home_text, public_text);

  send_to_users(hub_, name, audience, home_text);
  for (const auto& [list, owner] : audience.lists) {
    Stream stream = Stream::of(Kind::kList, "", list);
    send_grouped(stream, hub_.subscribers(stream), name, home_text);
  }
  for (const auto& stream : streams) {
    send_grouped(stream, hub_.subscribers(stream), name, public_text);
  }
}

awaitable<void> StreamDispatcher::notification_event(const Event& event) {
  if (hub_.subscribers(Stream::of(Kind::kUser), event.account_id).empty() &&
      hub_.subscribers(Stream::of(Kind::kUserNotification), event.account_id).empty()) {
    co_return;
  }
  auto page = co_await streaming_.notification(event.account_id, event.id);
  if (!page) co_return;
  std::string text = notification_json(config_, page->items.at(0), page->statuses)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The hub may have changed while the database answered: look the subscribers up again.
  // Tokens without a notification scope get none on their user stream (Mastodon).
  StreamMessage on_user(Stream::of(Kind::kUser), "notification", text);
  const auto& users = hub_.subscribers(Stream::of(Kind::kUser), event.account_id);
  std::vector<streaming::StreamSubscriber*> readers;
  std::copy_if(users.begin(), users.end(), std::back_inserter(readers),
               [](const streaming::StreamSubscriber* s) { return s->reads_notifications(); });
  for (auto* s : readers) s->send(on_user);
  deliver(hub_.subscribers(Stream::of(Kind::kUserNotification), event.account_id),
          StreamMessage(Stream::of(Kind::kUserNotification), "notification", text));
}

awaitable<void> StreamDispatcher::conversation_event(const Event& event) {
  auto accounts = hub_.accounts(Kind::kDirect);
  if (accounts.empty()) co_return;
  auto conversations = co_await streaming_.conversations(event.id, std::move(accounts));
  for (const auto& [account, page] : conversations) {
    std::string text = conversation_json(config_, page.items.at(0), page.statuses)
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    deliver(hub_.subscribers(Stream::of(Kind::kDirect), account),
            StreamMessage(Stream::of(Kind::kDirect), "conversation", text));
  }
}

void StreamDispatcher::filters_changed(const Event& event) {
  deliver(hub_.subscribers(Stream::of(Kind::kUser), event.account_id),
          StreamMessage(Stream::of(Kind::kUser), "filters_changed", std::nullopt));
}

awaitable<void> StreamDispatcher::announcement_event(const Event& event) {
  if (hub_.accounts(Kind::kUser).empty()) co_return;
  std::optional<std::string> payload;
  if (event.kind == Event::Kind::kAnnouncementDelete) {
    payload = std::to_string(event.id);
  } else if (event.kind == Event::Kind::kAnnouncementReaction) {
    auto count = co_await streaming_.reaction_count(event.id, event.name);
    payload =
        nlohmann::json(
            {{"name", event.name}, {"count", count}, {"announcement_id", std::to_string(event.id)}})
            .dump();
  } else {
    // Rendered for no one in particular, as Mastodon streams it: no `read`, no `me`.
    auto announcement = co_await streaming_.announcement(event.id);
    if (!announcement || !announcement->published_at) co_return;
    payload = announcement_json(config_, *announcement, false).dump();
  }
  StreamMessage message(Stream::of(Kind::kUser), streaming::event_name(event.kind), payload);
  for (auto account : hub_.accounts(Kind::kUser)) {
    deliver(hub_.subscribers(Stream::of(Kind::kUser), account), message);
  }
}

awaitable<void> StreamDispatcher::access_revoked(const Event& event) {
  auto connections = hub_.connections_of(event.account_id);
  for (auto* connection : connections) {
    std::string token = connection->access_token();
    bool valid = co_await streaming_.still_authorized(token);
    if (valid) continue;
    // Look it up again: it may have closed while the database answered.
    auto now = hub_.connections_of(event.account_id);
    if (std::find(now.begin(), now.end(), connection) != now.end()) connection->close();
  }
}

}  // namespace lox::api::mastodon
