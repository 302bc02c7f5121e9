#include <loxodon/federation/single_flight.hpp>

#include <gtest/gtest.h>

namespace lox::federation {
namespace {

using namespace std::chrono_literals;

// Work that takes a while, counting how often it ran.
awaitable<void> slow_work(int& runs) {
  ++runs;
  asio::steady_timer timer(co_await asio::this_coro::executor, 60ms);
  co_await timer.async_wait(asio::use_awaitable);
}

TEST(SingleFlight, OneRunPerKeyAtATimeOthersWaitForIt) {
  asio::io_context io;
  SingleFlight flights;
  int runs_a = 0;
  int runs_b = 0;
  std::vector<bool> ran;
  auto caller = [&](std::string key, int& runs) -> awaitable<void> {
    std::function<awaitable<void>()> work = [&runs]() { return slow_work(runs); };
    bool mine = co_await flights.run(key, std::move(work));
    ran.push_back(mine);
  };
  for (int i = 0; i < 3; ++i)
    asio::co_spawn(io, caller("https://a.example/1", runs_a), asio::detached);
  asio::co_spawn(io, caller("https://b.example/2", runs_b), asio::detached);
  auto started = std::chrono::steady_clock::now();
  io.run();
  EXPECT_EQ(runs_a, 1);  // three callers, one fetch
  EXPECT_EQ(runs_b, 1);
  EXPECT_EQ(std::count(ran.begin(), ran.end(), true), 2);
  EXPECT_EQ(ran.size(), 4u);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);  // waiters did not wait it out
  // Later calls run again: the key is free once its run ended.
  io.restart();
  asio::co_spawn(io, caller("https://a.example/1", runs_a), asio::detached);
  io.run();
  EXPECT_EQ(runs_a, 2);
}

TEST(SingleFlight, AFailedRunFreesItsKeyAndReportsTheError) {
  asio::io_context io;
  SingleFlight flights;
  std::string error;
  auto failing = [&]() -> awaitable<void> {
    std::function<awaitable<void>()> work = []() -> awaitable<void> {
      throw std::runtime_error("unreachable");
      co_return;
    };
    try {
      co_await flights.run("k", std::move(work));
    } catch (const std::runtime_error& e) {
      error = e.what();
    }
  };
  asio::co_spawn(io, failing(), asio::detached);
  io.run();
  EXPECT_EQ(error, "unreachable");
  int runs = 0;
  io.restart();
  auto again = [&]() -> awaitable<void> {
    std::function<awaitable<void>()> work = [&runs]() { return slow_work(runs); };
    co_await flights.run("k", std::move(work));
  };
  asio::co_spawn(io, again(), asio::detached);
  io.run();
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace lox::federation
