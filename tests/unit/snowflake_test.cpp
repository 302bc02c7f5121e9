#include <loxodon/util/error.hpp>
#include <loxodon/util/snowflake.hpp>

#include <gtest/gtest.h>

#include <set>

namespace lox {
namespace {

using std::chrono::steady_clock;
using std::chrono::system_clock;

const auto kAt = system_clock::time_point(std::chrono::milliseconds(1700000000000));

TEST(SnowflakeNodes, ProcessesOnDifferentNodesNeverCollideInTheSameMillisecond) {
  SnowflakeGenerator first, second;
  first.lease(1, steady_clock::now() + std::chrono::minutes(1));
  second.lease(2, steady_clock::now() + std::chrono::minutes(1));
  std::set<std::int64_t> seen;
  for (int i = 0; i < 3000; ++i) {  // beyond one millisecond's 1,024: both borrow ahead alike
    EXPECT_TRUE(seen.insert(first.next_at(kAt)).second);
    EXPECT_TRUE(seen.insert(second.next_at(kAt)).second);
  }
  EXPECT_EQ(seen.size(), 6000u);
}

TEST(SnowflakeNodes, IdsCarryTheNodeAndTheirMillisecond) {
  SnowflakeGenerator gen;
  gen.lease(37, steady_clock::now() + std::chrono::minutes(1));
  auto id = gen.next_at(kAt);
  EXPECT_EQ((id >> SnowflakeGenerator::kSequenceBits) & SnowflakeGenerator::kMaxNode, 37);
  EXPECT_EQ(SnowflakeGenerator::time_of(id), kAt);
  EXPECT_GE(id, SnowflakeGenerator::min_for(kAt));
  EXPECT_LT(id, SnowflakeGenerator::min_for(kAt + std::chrono::milliseconds(1)));
  EXPECT_EQ(gen.node(), 37);
}

TEST(SnowflakeNodes, AProcessThatNeedsALeaseMakesNoIdWithoutOne) {
  SnowflakeGenerator gen;
  gen.require_lease();
  EXPECT_FALSE(gen.node().has_value());
  try {
    gen.next();
    FAIL() << "an id without a lease";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kServiceUnavailable);
  }
  gen.lease(5, steady_clock::now() + std::chrono::minutes(1));
  EXPECT_NO_THROW(gen.next());
  // A lease that has run out (the process was paused, the database unreachable) stops it again.
  gen.lease(5, steady_clock::now() - std::chrono::milliseconds(1));
  EXPECT_THROW(gen.next(), Error);
}

TEST(SnowflakeNodes, NodeZeroIsNeverLeasedAndNodesStayInSixBits) {
  SnowflakeGenerator gen;
  const auto later = steady_clock::now() + std::chrono::minutes(1);
  EXPECT_THROW(gen.lease(0, later), Error);
  EXPECT_THROW(gen.lease(SnowflakeGenerator::kMaxNode + 1, later), Error);
  EXPECT_NO_THROW(gen.lease(SnowflakeGenerator::kMaxNode, later));
}

}  // namespace
}  // namespace lox
