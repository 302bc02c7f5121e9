#include <loxodon/domain/funding_summary.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace lox::domain {

namespace {

std::vector<AmountByKey> sorted_by_amount(const std::map<std::string, std::int64_t>& sums) {
  std::vector<AmountByKey> out;
  for (const auto& [key, amount] : sums) {
    if (amount != 0) out.push_back({key, amount});
  }
  std::stable_sort(out.begin(), out.end(), [](const AmountByKey& a, const AmountByKey& b) {
    return a.amount_minor > b.amount_minor;
  });
  return out;
}

// The currency shown when the administrator has not chosen one: the one most months used.
std::string busiest_currency(const std::vector<LedgerTotal>& totals) {
  std::map<std::string, std::set<std::string>> months;
  for (const auto& t : totals) months[t.currency].insert(t.month);
  std::string best;
  std::size_t most = 0;
  for (const auto& [currency, used] : months) {
    if (used.size() > most) {
      best = currency;
      most = used.size();
    }
  }
  return best;
}

}  // namespace

std::string month_of(std::chrono::system_clock::time_point t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return buf;
}

std::string add_months(const std::string& month, int offset) {
  int year = std::stoi(month.substr(0, 4));
  int index = year * 12 + (std::stoi(month.substr(5, 2)) - 1) + offset;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
  return buf;
}

namespace {

// Three complete months back from this one, but none from before the ledger began.
void set_costs_and_runway(FundingSummary& s, const std::string& first_month,
                          std::map<std::string, std::int64_t>& costs_by_month) {
  std::int64_t recent_costs = 0;
  int counted = 0;
  for (int i = 1; i <= 3; ++i) {
    auto m = add_months(s.month, -i);
    if (first_month.empty() || m < first_month) break;
    recent_costs += costs_by_month[m];
    ++counted;
  }
  s.monthly_costs_minor = counted > 0 ? recent_costs / counted : costs_by_month[s.month];
  if (s.monthly_costs_minor > 0) {
    s.runway_months = s.balance_minor <= 0 ? 0.0
                                           : static_cast<double>(s.balance_minor) /
                                                 static_cast<double>(s.monthly_costs_minor);
  }
}

// Each goal against this month's income in its own currency, smallest goal first.
std::vector<StretchGoalProgress> stretch_progress(const std::vector<StretchGoal>& stretch_goals,
                                                  const std::vector<LedgerTotal>& totals,
                                                  const std::string& month) {
  std::vector<StretchGoalProgress> out;
  for (const auto& goal : stretch_goals) {
    std::int64_t raised = 0;
    for (const auto& t : totals) {
      if (t.income && t.currency == goal.currency && t.month == month) raised += t.amount_minor;
    }
    out.push_back({goal, raised >= goal.amount_minor});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const StretchGoalProgress& a, const StretchGoalProgress& b) {
                     return a.goal.amount_minor < b.goal.amount_minor;
                   });
  return out;
}

}  // namespace

FundingSummary summarize_funding(const std::optional<FundingSettings>& settings,
                                 const std::vector<StretchGoal>& stretch_goals,
                                 const std::vector<LedgerTotal>& totals,
                                 const SupporterCounts& supporters,
                                 std::chrono::system_clock::time_point now) {
  FundingSummary s;
  s.month = month_of(now);
  s.supporters = supporters;
  if (settings) {
    s.currency = settings->currency;
    s.monthly_goal_minor = settings->monthly_goal_minor;
    s.reserve_target_minor = settings->reserve_target_minor;
    s.description = settings->description;
  } else {
    s.currency = busiest_currency(totals);
  }

  std::string first_month_shown = add_months(s.month, -11);
  std::map<std::string, MonthFigures> months;
  for (int i = 0; i < 12; ++i) {
    auto m = add_months(first_month_shown, i);
    months[m].month = m;
  }
  std::map<std::string, std::int64_t> income_now, costs_now, income_year, costs_year;
  std::map<std::string, std::int64_t> costs_by_month;
  std::map<std::string, std::int64_t> balances;
  std::string first_month;
  for (const auto& t : totals) {
    balances[t.currency] += t.income ? t.amount_minor : -t.amount_minor;
    if (t.currency != s.currency) continue;
    if (first_month.empty() || t.month < first_month) first_month = t.month;
    if (!t.income) costs_by_month[t.month] += t.amount_minor;
    if (t.month > s.month) continue;  // recorded ahead of time: in the balance only
    if (t.month >= first_month_shown) {
      auto& figures = months[t.month];
      (t.income ? figures.income_minor : figures.costs_minor) += t.amount_minor;
      (t.income ? income_year[t.source] : costs_year[t.category]) += t.amount_minor;
    }
    if (t.month == s.month) {
      (t.income ? income_now[t.source] : costs_now[t.category]) += t.amount_minor;
    }
  }
  s.balance_minor = balances[s.currency];
  for (const auto& [currency, balance] : balances) {
    if (currency != s.currency) s.other_balances.emplace_back(currency, balance);
  }
  for (auto& [m, figures] : months) s.months.push_back(figures);
  s.raised_this_month_minor = months[s.month].income_minor;
  s.income_by_source = sorted_by_amount(income_now);
  s.costs_by_category = sorted_by_amount(costs_now);
  s.income_by_source_12_months = sorted_by_amount(income_year);
  s.costs_by_category_12_months = sorted_by_amount(costs_year);

  set_costs_and_runway(s, first_month, costs_by_month);
  s.stretch_goals = stretch_progress(stretch_goals, totals, s.month);
  return s;
}

}  // namespace lox::domain
