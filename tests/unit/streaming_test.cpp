// Streaming without a database: stream names and their parameters, the cross-process event
// encoding, the hub's routing tables, the bounded outbox, and Mastodon's frame formats.
#include <loxodon/http/stream_outbox.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/streaming/stream_hub.hpp>
#include <loxodon/streaming/stream_message.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <vector>

namespace lox::streaming {
namespace {

using Kind = Stream::Kind;

Stream parsed(std::string_view name, std::string_view tag = "", std::string_view list = "") {
  auto result = parse_stream(name, tag, list);
  EXPECT_TRUE(std::holds_alternative<Stream>(result)) << name;
  return std::get<Stream>(result);
}

std::string error_of(std::string_view name, std::string_view tag = "", std::string_view list = "") {
  auto result = parse_stream(name, tag, list);
  EXPECT_TRUE(std::holds_alternative<StreamError>(result)) << name;
  return std::get<StreamError>(result).message;
}

TEST(StreamTest, ParsesEveryMastodonStreamName) {
  for (const char* name :
       {"user", "user:notification", "public", "public:media", "public:local", "public:local:media",
        "public:remote", "public:remote:media", "direct"}) {
    EXPECT_EQ(parsed(name).name(), name);
  }
  EXPECT_EQ(parsed("hashtag", "cats").name(), "hashtag");
  EXPECT_EQ(parsed("hashtag:local", "cats").kind, Kind::kHashtagLocal);
  EXPECT_EQ(parsed("list", "", "42").list_id, 42);
}

TEST(StreamTest, RefusesUnknownStreamsAndMissingParameters) {
  EXPECT_EQ(error_of("nonsense"), "Unknown stream type");
  EXPECT_EQ(error_of(""), "Unknown stream type");
  EXPECT_EQ(error_of("User"), "Unknown stream type");
  EXPECT_EQ(error_of("hashtag"), "Missing tag name parameter");
  EXPECT_EQ(error_of("hashtag", "#"), "Missing tag name parameter");
  EXPECT_EQ(error_of("list"), "Missing list name parameter");
  EXPECT_EQ(error_of("list", "", "abc"), "Missing list name parameter");
  EXPECT_EQ(error_of("list", "", "12x"), "Missing list name parameter");
  EXPECT_EQ(error_of("list", "", "-3"), "Missing list name parameter");
}

TEST(StreamTest, EventsNameTheTagAsTheClientWroteIt) {
  // masto.js drops an event unless its `stream` array holds the exact parameter it sent.
  Stream s = parsed("hashtag", "#Cats");
  EXPECT_EQ(s.tag, "cats");
  EXPECT_EQ(s.event_names(), (std::vector<std::string>{"hashtag", "#Cats"}));
  EXPECT_EQ(parsed("list", "", "42").event_names(), (std::vector<std::string>{"list", "42"}));
  EXPECT_EQ(parsed("public:local").event_names(), std::vector<std::string>{"public:local"});
}

TEST(StreamTest, ScopesFollowMastodonsStreamingServer) {
  EXPECT_TRUE(parsed("public").scopes().empty());
  EXPECT_TRUE(parsed("hashtag", "x").scopes().empty());
  EXPECT_EQ(parsed("user").scopes(), (std::vector<std::string>{"read", "read:statuses"}));
  EXPECT_EQ(parsed("user:notification").scopes(),
            (std::vector<std::string>{"read", "read:notifications"}));
}

TEST(EventTest, RoundTripsAndRejectsMalformedPayloads) {
  Event e{Event::Kind::kNotification, 123456789012345678, 42, {}};
  EXPECT_EQ(decode(encode(e)), e);
  Event del{Event::Kind::kDelete, 7, 0, {}};
  EXPECT_EQ(decode(encode(del)), del);
  Event reaction{Event::Kind::kAnnouncementReaction, 9, 0, "\xf0\x9f\x90\x98"};
  EXPECT_EQ(decode(encode(reaction)), reaction);
  EXPECT_EQ(event_name(Event::Kind::kAnnouncementDelete), "announcement.delete");
  EXPECT_EQ(decode(encode(del)), del);
  EXPECT_EQ(event_name(Event::Kind::kStatusUpdate), "status.update");
  EXPECT_FALSE(decode(""));
  EXPECT_FALSE(decode("not json"));
  EXPECT_FALSE(decode(R"({"e":"launch"})"));
  EXPECT_FALSE(decode(R"({"e":"update","id":"7"})"));
  EXPECT_FALSE(decode(R"([1,2])"));
  // The payload stays far below PostgreSQL's 8,000-byte NOTIFY limit.
  EXPECT_LT(encode(e).size(), 100u);
}

struct FakeSubscriber : StreamSubscriber {
  explicit FakeSubscriber(std::int64_t id) : account(id) {}
  std::int64_t account_id() const override { return account; }
  bool reads_notifications() const override { return true; }
  const std::string& access_token() const override { return token; }
  void close() override {}
  std::string token = "t";
  void send(const StreamMessage& message) override { sent.push_back(message.websocket()); }
  std::int64_t account;
  std::vector<std::string> sent;
};

TEST(StreamHubTest, KeysPersonalStreamsByAccountAndForgetsClosedConnections) {
  StreamHub hub;
  FakeSubscriber alice(1), bob(2), alice_phone(1);
  hub.subscribe(alice, Stream::of(Kind::kUser));
  hub.subscribe(alice_phone, Stream::of(Kind::kUser));
  hub.subscribe(bob, Stream::of(Kind::kUser));
  hub.subscribe(bob, parsed("hashtag", "Cats"));
  hub.subscribe(bob, parsed("hashtag", "Cats"));  // idempotent
  hub.subscribe(alice, parsed("list", "", "9"));
  EXPECT_EQ(hub.subscribers(Stream::of(Kind::kUser), 1).size(), 2u);
  EXPECT_EQ(hub.subscribers(Stream::of(Kind::kUser), 2).size(), 1u);
  EXPECT_EQ(hub.subscribers(Stream::of(Kind::kUser), 3).size(), 0u);
  EXPECT_EQ(hub.accounts(Kind::kUser), (std::vector<std::int64_t>{1, 2}));
  ASSERT_EQ(hub.streams(Kind::kHashtag).size(), 1u);
  EXPECT_EQ(hub.streams(Kind::kHashtag)[0].tag, "cats");
  EXPECT_EQ(hub.streams(Kind::kList)[0].list_id, 9);
  EXPECT_EQ(hub.connection_count(), 3u);
  EXPECT_EQ(hub.subscription_count(), 5u);

  // Another spelling of the tag replaces the subscription; any spelling ends it.
  hub.subscribe(bob, parsed("hashtag", "#CATS"));
  ASSERT_EQ(hub.streams(Kind::kHashtag).size(), 1u);
  EXPECT_EQ(hub.streams(Kind::kHashtag)[0].event_names()[1], "#CATS");
  EXPECT_EQ(hub.subscription_count(bob), 2u);
  hub.unsubscribe(bob, parsed("hashtag", "cats"));
  EXPECT_TRUE(hub.streams(Kind::kHashtag).empty());
  hub.remove(alice);
  EXPECT_EQ(hub.subscribers(Stream::of(Kind::kUser), 1).size(), 1u);
  EXPECT_TRUE(hub.streams(Kind::kList).empty());
  hub.remove(alice);  // twice is harmless
  EXPECT_EQ(hub.connection_count(), 2u);
}

TEST(StreamMessageTest, MastodonFrames) {
  StreamMessage update(parsed("hashtag", "Cats"), "update", R"({"id":"1","content":"a\"b"})");
  auto frame = nlohmann::json::parse(update.websocket());
  EXPECT_EQ(frame["stream"], nlohmann::json({"hashtag", "Cats"}));
  EXPECT_EQ(frame["event"], "update");
  // The payload is a string holding JSON, not an object.
  ASSERT_TRUE(frame["payload"].is_string());
  EXPECT_EQ(nlohmann::json::parse(frame["payload"].get<std::string>())["content"], "a\"b");
  EXPECT_EQ(update.event_stream(),
            "event: update\ndata: {\"id\":\"1\",\"content\":\"a\\\"b\"}\n\n");

  StreamMessage removed(Stream::of(Kind::kUser), "delete", "123");
  EXPECT_EQ(nlohmann::json::parse(removed.websocket())["payload"], "123");
  EXPECT_EQ(removed.event_stream(), "event: delete\ndata: 123\n\n");

  // filters_changed carries no payload key at all.
  StreamMessage filters(Stream::of(Kind::kUser), "filters_changed", std::nullopt);
  EXPECT_EQ(nlohmann::json::parse(filters.websocket()),
            nlohmann::json({{"stream", {"user"}}, {"event", "filters_changed"}}));
}

TEST(StreamOutboxTest, DisconnectsAConsumerThatFallsBehind) {
  asio::io_context io;
  http::StreamOutbox outbox(io.get_executor(), {3, 1000});
  int closed = 0;
  outbox.on_close([&] { ++closed; });
  EXPECT_TRUE(outbox.push("a"));
  EXPECT_TRUE(outbox.push("b"));
  EXPECT_TRUE(outbox.push("c"));
  EXPECT_FALSE(outbox.push("d"));  // a fourth message would pass the limit
  EXPECT_TRUE(outbox.closed());
  EXPECT_TRUE(outbox.overflowed());
  EXPECT_EQ(outbox.queued(), 0u);  // nothing kept for a connection that is going away
  // The callback runs on the outbox's executor (the connection's), not the pushing thread.
  io.poll();
  EXPECT_EQ(closed, 1);
  EXPECT_FALSE(outbox.push("e"));
  io.poll();
  EXPECT_EQ(closed, 1);

  http::StreamOutbox bytes(io.get_executor(), {100, 10});
  EXPECT_TRUE(bytes.push("12345"));
  EXPECT_FALSE(bytes.push("123456"));
  EXPECT_TRUE(bytes.overflowed());
}

TEST(StreamOutboxTest, DeliversInOrderAndReportsIdleTime) {
  asio::io_context io;
  http::StreamOutbox outbox(io.get_executor(), {});
  std::vector<std::string> got;
  bool idle = false;
  asio::co_spawn(
      io,
      [&]() -> awaitable<void> {
        for (;;) {
          auto next = co_await outbox.next(std::chrono::milliseconds(20));
          if (next.kind == http::StreamOutbox::Next::Kind::kClosed) break;
          if (next.kind == http::StreamOutbox::Next::Kind::kIdle) {
            idle = true;
            outbox.close();
            continue;
          }
          got.push_back(next.message);
        }
      },
      asio::detached);
  outbox.push("one");
  outbox.push("two");
  io.run();
  EXPECT_EQ(got, (std::vector<std::string>{"one", "two"}));
  EXPECT_TRUE(idle);
  EXPECT_FALSE(outbox.overflowed());
}

}  // namespace
}  // namespace lox::streaming
