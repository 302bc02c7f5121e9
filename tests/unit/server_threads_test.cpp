// The HTTP server on several threads, as `serve` runs it (LOXODON_HTTP_THREADS): many clients at
// once on routes that share state, streams fed from a strand of their own, and a stop that
// closes everything. Worth a run built with -fsanitize=thread (no preset has it yet): it sees
// races these tests can only provoke.

#include "raw_http.hpp"
#include "running_server.hpp"

#include <loxodon/domain/rate_limiter.hpp>
#include <loxodon/http/response_cache.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/http/stream_endpoint.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace lox::http {
namespace {

using lox::testing::RawConnection;
using lox::testing::RunningServer;
using namespace std::chrono_literals;

// State every request touches, as the application's caches, limits and counters are.
struct Shared {
  std::atomic<int> served{0};
  std::mutex threads_mutex;
  std::set<std::thread::id> threads;
  domain::RateLimiter limiter{1000000, std::chrono::seconds(300)};
  ResponseCache cache{std::chrono::milliseconds(5), 8};
};

Router shared_state_router(Shared& shared) {
  Router router;
  router.add("GET", "/api/shared", [&shared](Request& req) -> awaitable<Response> {
    {
      std::lock_guard lock(shared.threads_mutex);
      shared.threads.insert(std::this_thread::get_id());
    }
    shared.limiter.hit(req.remote_address);
    std::string key(req.query_param("k").value_or("none"));
    if (auto cached = shared.cache.get(key)) co_return *cached;
    Response res = Response::json(200, {{"k", key}, {"n", ++shared.served}});
    shared.cache.put(key, res);
    co_return res;
  });
  // Holds its thread for a moment, as CPU work would: the other connections must go on being
  // served by the other threads meanwhile.
  router.add("GET", "/api/busy", [&shared](Request&) -> awaitable<Response> {
    {
      std::lock_guard lock(shared.threads_mutex);
      shared.threads.insert(std::this_thread::get_id());
    }
    std::this_thread::sleep_for(5ms);
    co_return Response::text(200, "done", "text/plain");
  });
  return router;
}

TEST(ServerThreads, ManyClientsOnSharedStateAreAllAnswered) {
  Shared shared;
  RunningServer s(shared_state_router(shared), {}, 4);
  constexpr int kClients = 16;
  constexpr int kRequests = 40;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&] {
      RawConnection conn(s.port());
      for (int i = 0; i < kRequests; ++i) {
        std::string target = i % 4 == 0 ? "/api/busy" : "/api/shared?k=" + std::to_string(i % 3);
        if (!conn.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n")) return;
        auto res = conn.read_response(10s);
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok.load(), kClients * kRequests);
  std::lock_guard lock(shared.threads_mutex);
  EXPECT_GE(shared.threads.size(), 2u) << "every request ran on one thread";
}

// A stand-in for the stream hub: its own strand, fed from a producer, pushing to connections
// served on theirs.
struct Hub {
  explicit Hub(asio::io_context& io) : strand(asio::make_strand(io)) {}
  asio::strand<asio::io_context::executor_type> strand;
  std::vector<std::shared_ptr<StreamOutbox>> outboxes;  // on `strand` only
  std::atomic<std::size_t> open{0};
};

class HubEndpoint final : public StreamEndpoint {
 public:
  explicit HubEndpoint(Hub& hub) : hub_(hub) {}
  void opened(std::shared_ptr<StreamOutbox> outbox) override {
    asio::post(hub_.strand, [&hub = hub_, outbox] {
      hub.outboxes.push_back(outbox);
      ++hub.open;
    });
  }
  void received(std::string_view) override {}
  void closed() override {}

 private:
  Hub& hub_;
};

TEST(ServerThreads, StreamsFedFromAnotherStrandGetEveryMessageInOrder) {
  // Made once the server's io_context exists, before any client connects.
  std::atomic<Hub*> hub_at{nullptr};
  Router router;
  router.add("GET", "/stream", [&hub_at](Request&) -> awaitable<Response> {
    Response res;
    res.upgrade = std::make_shared<StreamUpgrade>();
    res.upgrade->transport = StreamUpgrade::Transport::kEventStream;
    res.upgrade->endpoint = std::make_shared<HubEndpoint>(*hub_at.load());
    co_return res;
  });
  RunningServer s(std::move(router), {}, 4);
  auto hub = std::make_unique<Hub>(s.io());
  hub_at = hub.get();

  constexpr std::size_t kStreams = 8;
  constexpr int kMessages = 200;
  std::vector<std::unique_ptr<RawConnection>> conns;
  for (std::size_t i = 0; i < kStreams; ++i) {
    conns.push_back(std::make_unique<RawConnection>(s.port()));
    ASSERT_TRUE(conns.back()->send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"));
  }
  for (int i = 0; i < 500 && hub->open < kStreams; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(hub->open.load(), kStreams);

  asio::post(hub->strand, [&hub] {
    for (int m = 0; m < kMessages; ++m) {
      for (auto& outbox : hub->outboxes) outbox->push("data: m" + std::to_string(m) + ".\n\n");
    }
  });
  std::vector<std::string> received(kStreams);
  std::vector<std::thread> readers;
  for (std::size_t i = 0; i < kStreams; ++i) {
    readers.emplace_back([&, i] { received[i] = conns[i]->read_until_closed(2s); });
  }
  for (auto& t : readers) t.join();
  for (std::size_t i = 0; i < kStreams; ++i) {
    std::size_t at = 0;
    for (int m = 0; m < kMessages; ++m) {
      auto found = received[i].find("data: m" + std::to_string(m) + ".", at);
      ASSERT_NE(found, std::string::npos) << "stream " << i << " lost message " << m;
      at = found;
    }
  }
  s.stop(1s);
  EXPECT_EQ(s.server().open_connections(), 0u);
  // The outboxes go on the hub's strand, where they were kept, while the io_context their
  // timers belong to still runs.
  std::promise<void> cleared;
  asio::post(hub->strand, [&] {
    hub->outboxes.clear();
    cleared.set_value();
  });
  cleared.get_future().wait();
}

TEST(ServerThreads, StopClosesIdleAndStreamingConnectionsOnEveryThread) {
  Shared shared;
  RunningServer s(shared_state_router(shared), {}, 4);
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 32; ++i) {
    idle.push_back(std::make_unique<RawConnection>(s.port()));
    ASSERT_TRUE(idle.back()->send("GET /api/shared?k=x HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_TRUE(idle.back()->read_response(5s));
  }
  EXPECT_EQ(s.server().open_connections(), 32u);
  s.stop(2s);
  for (auto& c : idle) EXPECT_TRUE(c->wait_closed(2s));
  EXPECT_EQ(s.server().open_connections(), 0u);
}

TEST(StreamOutboxThreads, PushesFromSeveralThreadsReachOneConsumer) {
  asio::io_context io;
  auto strand = asio::make_strand(io);
  StreamOutbox outbox(strand, {100000, 100 * 1024 * 1024});
  constexpr int kProducers = 4;
  constexpr int kEach = 2000;
  std::atomic<int> got{0};
  asio::co_spawn(
      strand,
      [&]() -> awaitable<void> {
        while (got < kProducers * kEach) {
          auto next = co_await outbox.next(std::chrono::seconds(5));
          if (next.kind == StreamOutbox::Next::Kind::kClosed) break;
          if (next.kind == StreamOutbox::Next::Kind::kMessage) ++got;
        }
      },
      asio::detached);
  std::thread consumer([&] { io.run(); });
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) EXPECT_TRUE(outbox.push("x"));
    });
  }
  for (auto& t : producers) t.join();
  consumer.join();  // the consumer ends once it has them all
  EXPECT_EQ(got.load(), kProducers * kEach);
  EXPECT_FALSE(outbox.overflowed());
}

}  // namespace
}  // namespace lox::http
