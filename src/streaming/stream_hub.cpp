#include <loxodon/streaming/stream_hub.hpp>

namespace lox::streaming {

StreamHub::Key StreamHub::key_of(const Stream& stream, std::int64_t account) {
  return Key{stream, stream.personal() ? account : 0};
}

namespace {
// The same stream, whatever the spelling of its tag.
bool same_stream(const Stream& a, const Stream& b) {
  return a.kind == b.kind && a.tag == b.tag && a.list_id == b.list_id;
}
}  // namespace

void StreamHub::drop(StreamSubscriber& subscriber, const Key& key) {
  auto it = by_stream_.find(key);
  if (it == by_stream_.end()) return;
  it->second.erase(&subscriber);
  if (it->second.empty()) by_stream_.erase(it);
}

void StreamHub::subscribe(StreamSubscriber& subscriber, const Stream& stream) {
  unsubscribe(subscriber, stream);
  Key key = key_of(stream, subscriber.account_id());
  by_stream_[key].insert(&subscriber);
  by_subscriber_[&subscriber].insert(key);
}

void StreamHub::unsubscribe(StreamSubscriber& subscriber, const Stream& stream) {
  auto mine = by_subscriber_.find(&subscriber);
  if (mine == by_subscriber_.end()) return;
  std::erase_if(mine->second, [&](const Key& key) {
    if (!same_stream(key.stream, stream)) return false;
    drop(subscriber, key);
    return true;
  });
}

void StreamHub::remove(StreamSubscriber& subscriber) {
  auto mine = by_subscriber_.find(&subscriber);
  if (mine == by_subscriber_.end()) return;
  for (const auto& key : mine->second) drop(subscriber, key);
  by_subscriber_.erase(mine);
}

const StreamHub::Subscribers& StreamHub::subscribers(const Stream& stream,
                                                     std::int64_t account) const {
  static const Subscribers kNone;
  auto it = by_stream_.find(key_of(stream, account));
  return it == by_stream_.end() ? kNone : it->second;
}

std::vector<std::int64_t> StreamHub::accounts(Stream::Kind kind) const {
  std::vector<std::int64_t> out;
  for (const auto& [key, subscribers] : by_stream_) {
    if (key.stream.kind == kind && key.account != 0) out.push_back(key.account);
  }
  return out;
}

std::vector<Stream> StreamHub::streams(Stream::Kind kind) const {
  std::vector<Stream> out;
  for (const auto& [key, subscribers] : by_stream_) {
    if (key.stream.kind == kind) out.push_back(key.stream);
  }
  return out;
}

std::vector<StreamSubscriber*> StreamHub::connections_of(std::int64_t account) const {
  std::vector<StreamSubscriber*> out;
  for (const auto& [subscriber, keys] : by_subscriber_) {
    if (subscriber->account_id() == account) out.push_back(subscriber);
  }
  return out;
}

std::vector<StreamSubscriber*> StreamHub::connections() const {
  std::vector<StreamSubscriber*> out;
  out.reserve(by_subscriber_.size());
  for (const auto& [subscriber, keys] : by_subscriber_) out.push_back(subscriber);
  return out;
}

std::size_t StreamHub::subscription_count(const StreamSubscriber& subscriber) const {
  auto it = by_subscriber_.find(const_cast<StreamSubscriber*>(&subscriber));
  return it == by_subscriber_.end() ? 0 : it->second.size();
}

std::size_t StreamHub::subscription_count() const {
  std::size_t n = 0;
  for (const auto& [subscriber, keys] : by_subscriber_) n += keys.size();
  return n;
}

}  // namespace lox::streaming
