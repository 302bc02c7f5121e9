// The rules behind the published funding figures, without a database: months, the currency
// shown, runway on a young ledger, entries recorded ahead of time, and stretch goals.
#include <loxodon/domain/funding_summary.hpp>
#include <loxodon/domain/money.hpp>

#include <gtest/gtest.h>

namespace lox::domain {
namespace {

using std::chrono::sys_days;

std::chrono::system_clock::time_point day(int y, unsigned m, unsigned d) {
  return sys_days{std::chrono::year{y} / m / d};
}

LedgerTotal income(const std::string& month, std::int64_t minor,
                   const std::string& currency = "EUR", const std::string& source = "donation") {
  return {currency, true, source, "", month, minor};
}
LedgerTotal cost(const std::string& month, std::int64_t minor,
                 const std::string& category = "Hosting") {
  return {"EUR", false, "cost", category, month, minor};
}

TEST(FundingSummaryTest, MonthArithmeticCrossesYears) {
  EXPECT_EQ(month_of(day(2026, 1, 31)), "2026-01");
  EXPECT_EQ(add_months("2026-01", -1), "2025-12");
  EXPECT_EQ(add_months("2025-12", 1), "2026-01");
  EXPECT_EQ(add_months("2026-03", -14), "2025-01");
}

TEST(FundingSummaryTest, WithoutSettingsTheBusiestCurrencyIsShown) {
  auto s = summarize_funding(
      std::nullopt, {},
      {income("2026-10", 100, "USD"), income("2026-11", 100, "USD"), income("2026-11", 900, "EUR")},
      {}, day(2026, 11, 20));
  EXPECT_EQ(s.currency, "USD");
  EXPECT_EQ(s.balance_minor, 200);
  ASSERT_EQ(s.other_balances.size(), 1u);
  EXPECT_EQ(s.other_balances[0].first, "EUR");
  EXPECT_EQ(s.other_balances[0].second, 900);
}

TEST(FundingSummaryTest, AYoungLedgerUsesThisMonthsCostsForTheRunway) {
  FundingSettings settings{"EUR", 10000, 0, "", "@a", {}};
  auto s = summarize_funding(settings, {}, {income("2026-11", 30000), cost("2026-11", 5000)}, {},
                             day(2026, 11, 3));
  EXPECT_EQ(s.monthly_costs_minor, 5000);
  ASSERT_TRUE(s.runway_months);
  EXPECT_DOUBLE_EQ(*s.runway_months, 5.0);
}

TEST(FundingSummaryTest, RunwayCountsOnlyMonthsSinceTheLedgerBegan) {
  FundingSettings settings{"EUR", 0, 0, "", "@a", {}};
  // Two complete months of costs (3000 and 1000): the average is 2000, not 4000 / 3.
  auto s = summarize_funding(settings, {},
                             {income("2026-09", 20000), cost("2026-09", 3000),
                              cost("2026-10", 1000), cost("2026-11", 9000)},
                             {}, day(2026, 11, 3));
  EXPECT_EQ(s.monthly_costs_minor, 2000);
  EXPECT_EQ(s.balance_minor, 7000);
  EXPECT_DOUBLE_EQ(*s.runway_months, 3.5);
}

TEST(FundingSummaryTest, NoCostsMeansNoRunwayAndADeficitMeansNone) {
  FundingSettings settings{"EUR", 0, 0, "", "@a", {}};
  EXPECT_FALSE(summarize_funding(settings, {}, {income("2026-11", 100)}, {}, day(2026, 11, 3))
                   .runway_months);
  auto deficit = summarize_funding(settings, {}, {cost("2026-11", 100)}, {}, day(2026, 11, 3));
  ASSERT_TRUE(deficit.runway_months);
  EXPECT_DOUBLE_EQ(*deficit.runway_months, 0.0);
  EXPECT_EQ(deficit.balance_minor, -100);
}

TEST(FundingSummaryTest, EntriesAheadOfTimeCountInTheBalanceOnly) {
  FundingSettings settings{"EUR", 0, 0, "", "@a", {}};
  auto s = summarize_funding(settings, {}, {income("2026-12", 500), income("2026-11", 100)}, {},
                             day(2026, 11, 3));
  EXPECT_EQ(s.raised_this_month_minor, 100);
  EXPECT_EQ(s.balance_minor, 600);
  EXPECT_EQ(s.months.back().month, "2026-11");
  EXPECT_EQ(s.months.front().month, "2025-12");
}

TEST(FundingSummaryTest, StretchGoalsCompareThisMonthInTheirOwnCurrency) {
  FundingSettings settings{"EUR", 0, 0, "", "@a", {}};
  std::vector<StretchGoal> goals{
      {1, "Big", "", 1000, "EUR"}, {2, "Small", "", 100, "EUR"}, {3, "Dollars", "", 50, "USD"}};
  auto s = summarize_funding(
      settings, goals,
      {income("2026-11", 600), income("2026-10", 5000), income("2026-11", 60, "USD")}, {},
      day(2026, 11, 3));
  ASSERT_EQ(s.stretch_goals.size(), 3u);
  EXPECT_EQ(s.stretch_goals[0].goal.title, "Dollars");
  EXPECT_TRUE(s.stretch_goals[0].reached);
  EXPECT_EQ(s.stretch_goals[1].goal.title, "Small");
  EXPECT_TRUE(s.stretch_goals[1].reached);
  EXPECT_FALSE(s.stretch_goals[2].reached);
}

TEST(FundingSummaryTest, WholePercentNeverOverflows) {
  EXPECT_EQ(whole_percent(17000, 50000), 34);
  EXPECT_EQ(whole_percent(-5, 100), 0);
  EXPECT_EQ(whole_percent(9'000'000'000'000'000'000, 1'000'000'000'000'000), 900000);
}

}  // namespace
}  // namespace lox::domain
