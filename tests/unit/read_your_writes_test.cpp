#include <loxodon/services/instance/read_your_writes.hpp>

#include <gtest/gtest.h>

namespace lox::services {
namespace {

using namespace std::chrono_literals;

// A clock the test moves by hand.
struct ManualClock {
  std::chrono::steady_clock::time_point now{std::chrono::hours(1)};
  ReadYourWrites::Clock fn() {
    return [this] { return now; };
  }
};

TEST(ReadYourWrites, AWriterReadsThePrimaryForTheWindowOnly) {
  ManualClock clock;
  ReadYourWrites recent(5000ms, clock.fn());
  EXPECT_FALSE(recent.recently_wrote(7));
  EXPECT_EQ(recent.read_from(7), db::ReadFrom::kReplica);
  recent.wrote(7);
  EXPECT_TRUE(recent.recently_wrote(7));
  EXPECT_EQ(recent.read_from(7), db::ReadFrom::kPrimary);
  EXPECT_EQ(recent.read_from(8), db::ReadFrom::kReplica);  // others are not affected
  clock.now += 4999ms;
  EXPECT_EQ(recent.read_from(7), db::ReadFrom::kPrimary);
  clock.now += 1ms;
  EXPECT_FALSE(recent.recently_wrote(7));
  EXPECT_EQ(recent.read_from(7), db::ReadFrom::kReplica);
}

TEST(ReadYourWrites, ALaterWriteExtendsTheWindow) {
  ManualClock clock;
  ReadYourWrites recent(1000ms, clock.fn());
  recent.wrote(1);
  clock.now += 800ms;
  recent.wrote(1);
  clock.now += 800ms;  // 1.6 s after the first write, 0.8 s after the second
  recent.wrote(2);     // prunes the first write of 1, not its second
  EXPECT_TRUE(recent.recently_wrote(1));
  clock.now += 200ms;
  EXPECT_FALSE(recent.recently_wrote(1));
  EXPECT_TRUE(recent.recently_wrote(2));
}

TEST(ReadYourWrites, LoggedOutReadsAlwaysGoToTheReplica) {
  ManualClock clock;
  ReadYourWrites recent(5000ms, clock.fn());
  recent.wrote(0);
  EXPECT_EQ(recent.read_from(0), db::ReadFrom::kReplica);
}

TEST(ReadYourWrites, AZeroWindowKeepsNothing) {
  ManualClock clock;
  ReadYourWrites recent(0ms, clock.fn());
  recent.wrote(3);
  EXPECT_FALSE(recent.recently_wrote(3));
  EXPECT_EQ(recent.read_from(3), db::ReadFrom::kReplica);
  EXPECT_EQ(recent.size(), 0u);
}

TEST(ReadYourWrites, OldEntriesArePrunedAndTheCountIsBounded) {
  ManualClock clock;
  ReadYourWrites recent(1000ms, clock.fn());
  for (std::int64_t id = 1; id <= 100; ++id) recent.wrote(id);
  EXPECT_EQ(recent.size(), 100u);
  clock.now += 1000ms;
  recent.wrote(500);  // the hundred older writes leave the window as this one comes
  EXPECT_EQ(recent.size(), 1u);
  clock.now += 1ms;
  for (std::int64_t id = 1; id <= static_cast<std::int64_t>(ReadYourWrites::kMaxEntries) + 10;
       ++id) {
    recent.wrote(id);
  }
  EXPECT_EQ(recent.size(), ReadYourWrites::kMaxEntries);
  // The oldest went first: the newest are still there.
  EXPECT_TRUE(recent.recently_wrote(static_cast<std::int64_t>(ReadYourWrites::kMaxEntries) + 10));
  EXPECT_FALSE(recent.recently_wrote(1));
}

}  // namespace
}  // namespace lox::services
