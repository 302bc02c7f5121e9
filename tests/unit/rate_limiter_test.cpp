// The API's request limiter: counting per key and window, and sharing counts with other
// processes (take_unsent / restore / apply_totals), without a database.
#include <loxodon/domain/rate_limiter.hpp>
#include <loxodon/http/rate_limit_headers.hpp>

#include <gtest/gtest.h>

namespace lox::domain {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

const system_clock::time_point kT{seconds(3000)};  // window 10 of 300 s: starts at 3000

TEST(RateLimiter, CountsPerKeyPerWindow) {
  RateLimiter limiter(3, seconds(300));
  EXPECT_EQ(limiter.hit("a", kT).remaining, 2);
  limiter.hit("a", kT);
  EXPECT_TRUE(limiter.hit("a", kT).allowed);
  auto refused = limiter.hit("a", kT);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_TRUE(limiter.hit("b", kT).allowed);                 // another client
  EXPECT_TRUE(limiter.hit("a", kT + seconds(300)).allowed);  // next window
  EXPECT_EQ(http::rate_limit_reset_header(refused.reset), "1970-01-01T00:55:00.000000Z");
}

TEST(RateLimiter, HandsOverHitsSinceTheLastExchangeOnce) {
  RateLimiter limiter(10, seconds(300));
  limiter.hit("b", kT);
  limiter.hit("a", kT);
  limiter.hit("a", kT);
  auto unsent = limiter.take_unsent();
  // Sorted by key, so processes lock the database's rows in one order.
  ASSERT_EQ(unsent.size(), 2u);
  EXPECT_EQ(unsent[0], (RateLimitCount{"a", 3000, 2}));
  EXPECT_EQ(unsent[1], (RateLimitCount{"b", 3000, 1}));
  EXPECT_TRUE(limiter.take_unsent().empty());  // nothing new since
  // Taken hits still count here while the exchange is under way.
  EXPECT_EQ(limiter.hit("a", kT).remaining, 7);
  auto next = limiter.take_unsent();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0], (RateLimitCount{"a", 3000, 1}));
}

TEST(RateLimiter, DecidesWithEveryProcesssTotalsPlusItsOwnHitsSince) {
  RateLimiter limiter(10, seconds(300));
  limiter.hit("a", kT);
  auto unsent = limiter.take_unsent();
  limiter.hit("a", kT);  // admitted while the exchange was under way
  // Other processes had admitted 6: the database now holds 7, ours included.
  limiter.apply_totals({{"a", 3000, 7}});
  // 7 shared + 1 since = 8 used; this hit makes 9.
  EXPECT_EQ(limiter.hit("a", kT).remaining, 1);
  EXPECT_EQ(limiter.hit("a", kT).remaining, 0);
  auto refused = limiter.hit("a", kT);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_TRUE(limiter.hit("b", kT).allowed);  // other keys are not touched
}

TEST(RateLimiter, RefusesOnceOtherProcessesUsedTheLimit) {
  RateLimiter limiter(5, seconds(300));
  limiter.hit("a", kT);
  limiter.take_unsent();
  limiter.apply_totals({{"a", 3000, 5}});
  EXPECT_FALSE(limiter.hit("a", kT).allowed);
}

TEST(RateLimiter, IgnoresTotalsOfAnEndedWindow) {
  RateLimiter limiter(5, seconds(300));
  limiter.hit("a", kT);
  limiter.take_unsent();
  limiter.hit("a", kT + seconds(300));  // the next window began before the totals came back
  limiter.apply_totals({{"a", 3000, 5}});
  EXPECT_EQ(limiter.hit("a", kT + seconds(300)).remaining, 3);
}

TEST(RateLimiter, KeepsHitsThatCouldNotBeSharedForTheNextExchange) {
  RateLimiter limiter(5, seconds(300));
  limiter.hit("a", kT);
  limiter.hit("a", kT);
  auto unsent = limiter.take_unsent();
  limiter.hit("a", kT);
  limiter.restore(unsent);  // the database did not answer
  // Still counted here (local limits go on), and sent again with the newer hit.
  EXPECT_EQ(limiter.hit("a", kT).remaining, 1);
  auto again = limiter.take_unsent();
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0], (RateLimitCount{"a", 3000, 4}));
}

}  // namespace
}  // namespace lox::domain
