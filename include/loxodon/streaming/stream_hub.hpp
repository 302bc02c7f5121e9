#pragma once

#include <loxodon/streaming/stream.hpp>
#include <loxodon/streaming/stream_subscriber.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace lox::streaming {

// This process's subscriptions: which connected clients listen to which streams. Events are
// routed by asking it who listens; it holds no events itself. Single-threaded (the io thread).
class StreamHub {
 public:
  using Subscribers = std::set<StreamSubscriber*>;

  // Idempotent. Personal streams (user, user:notification, direct) are the subscriber's own.
  // A hashtag is one stream however it is spelt: subscribing again with another spelling
  // replaces the first (events carry the latest), and unsubscribing takes any spelling.
  void subscribe(StreamSubscriber& subscriber, const Stream& stream);
  void unsubscribe(StreamSubscriber& subscriber, const Stream& stream);
  void remove(StreamSubscriber& subscriber);

  // Who listens to `stream`; for personal streams, those of `account`.
  const Subscribers& subscribers(const Stream& stream, std::int64_t account = 0) const;
  // The accounts with a subscription of a personal kind.
  std::vector<std::int64_t> accounts(Stream::Kind kind) const;
  // The subscribed streams of a parameterised kind (the lists, the hashtags).
  std::vector<Stream> streams(Stream::Kind kind) const;
  // Every connection of an account, whatever it listens to.
  std::vector<StreamSubscriber*> connections_of(std::int64_t account) const;
  // Every connection, whoever holds it.
  std::vector<StreamSubscriber*> connections() const;
  std::size_t connection_count() const { return by_subscriber_.size(); }
  // How many streams one connection listens to (connections are capped).
  std::size_t subscription_count(const StreamSubscriber& subscriber) const;
  std::size_t subscription_count() const;

 private:
  struct Key {
    Stream stream;
    std::int64_t account = 0;
    auto operator<=>(const Key&) const = default;
  };
  static Key key_of(const Stream& stream, std::int64_t account);
  void drop(StreamSubscriber& subscriber, const Key& key);

  std::map<Key, Subscribers> by_stream_;
  std::map<StreamSubscriber*, std::set<Key>> by_subscriber_;
};

}  // namespace lox::streaming
