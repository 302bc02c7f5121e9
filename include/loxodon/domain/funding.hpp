#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// What an administrator publishes about the instance's funding.
struct FundingSettings {
  std::string currency;  // the currency the goal, reserve and figures are shown in
  std::int64_t monthly_goal_minor = 0;
  std::int64_t reserve_target_minor = 0;
  std::string description;
  std::string updated_by;
  std::chrono::system_clock::time_point updated_at{};
};

// Reached when a month's net income in its currency reaches its amount.
struct StretchGoal {
  std::int64_t id = 0;
  std::string title;
  std::string description;
  std::int64_t amount_minor = 0;
  std::string currency;
};

// One aggregate of the ledger: the net amount of one side (income or cost) for one currency,
// source, category and calendar month (UTC). Reversals count against the entry they reverse,
// under its source and category, in the month the reversal happened.
struct LedgerTotal {
  std::string currency;
  bool income = true;  // false: a cost
  std::string source;  // donation, membership, sponsorship, manual, cost
  std::string category;
  std::string month;  // YYYY-MM
  std::int64_t amount_minor = 0;
};

// How many local accounts hold a paid or comped membership now, and how many were active in
// the last 30 days (the share of active users supporting the instance).
struct SupporterCounts {
  std::int64_t active_supporters = 0;
  std::int64_t active_users = 0;
};

struct AmountByKey {
  std::string key;
  std::int64_t amount_minor = 0;
};

struct MonthFigures {
  std::string month;  // YYYY-MM
  std::int64_t income_minor = 0;
  std::int64_t costs_minor = 0;
};

struct StretchGoalProgress {
  StretchGoal goal;
  bool reached = false;
};

// The published figures, all in `currency` (other currencies are never converted: they only
// appear as their own balances).
struct FundingSummary {
  std::string currency;  // empty when nothing was set up or recorded yet
  std::string month;     // the current month, YYYY-MM (UTC)
  std::int64_t monthly_goal_minor = 0;
  std::int64_t raised_this_month_minor = 0;
  std::vector<StretchGoalProgress> stretch_goals;
  std::vector<AmountByKey> income_by_source;   // this month
  std::vector<AmountByKey> costs_by_category;  // this month
  std::vector<AmountByKey> income_by_source_12_months;
  std::vector<AmountByKey> costs_by_category_12_months;
  std::int64_t balance_minor = 0;
  std::int64_t monthly_costs_minor = 0;  // average of recent complete months (see summarize)
  std::optional<double> runway_months;   // none when there are no costs to run out on
  std::int64_t reserve_target_minor = 0;
  std::vector<MonthFigures> months;  // the last 12 months, oldest first, this month last
  std::vector<std::pair<std::string, std::int64_t>> other_balances;  // currency, balance
  SupporterCounts supporters;
  std::string description;
  std::int64_t seats_funded = 0;  // supporter-funded seats, and how many were given
  std::int64_t seats_given = 0;
};

}  // namespace lox::domain
