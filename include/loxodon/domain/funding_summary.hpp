#pragma once

#include <loxodon/domain/funding.hpp>

#include <chrono>
#include <optional>
#include <vector>

namespace lox::domain {

// Computes the published funding figures from the ledger's monthly totals (a pure function, so
// every rule here is unit-tested without a database):
// - the currency is the settings' one, else the currency with the most recorded months;
// - "raised this month" is this calendar month's net income (UTC);
// - the balance is all income minus all costs, ever;
// - monthly costs are the average of the last three complete months, counting only months
//   since the ledger began, or this month's costs while the ledger is younger than a month;
// - the runway is the balance divided by monthly costs (how long the money lasts if income
//   stopped), none without costs, 0 when the balance is not positive.
FundingSummary summarize_funding(const std::optional<FundingSettings>& settings,
                                 const std::vector<StretchGoal>& stretch_goals,
                                 const std::vector<LedgerTotal>& totals,
                                 const SupporterCounts& supporters,
                                 std::chrono::system_clock::time_point now);

// "2026-11" for a time (UTC), and the month `offset` months before or after one.
std::string month_of(std::chrono::system_clock::time_point t);
std::string add_months(const std::string& month, int offset);

}  // namespace lox::domain
