#include <loxodon/domain/money.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/funding_chart.hpp>

#include <algorithm>
#include <array>

namespace lox::web {

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 280;
constexpr int kLeft = 16;
constexpr int kRight = 16;
constexpr int kTop = 40;
constexpr int kBottom = 40;
constexpr const char* kIncomeColour = "#2e7d4f";
constexpr const char* kCostColour = "#b3541e";
constexpr const char* kGoalColour = "#595aa8";

std::string month_label(const std::string& month) {
  static constexpr std::array<const char*, 12> kNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int index = std::stoi(month.substr(5, 2)) - 1;
  return index >= 0 && index < 12 ? kNames[static_cast<std::size_t>(index)] : month;
}

std::string amount_text(std::int64_t minor, const std::string& currency) {
  if (currency.empty()) return "0";
  return domain::format_amount(minor, currency) + " " + currency;
}

// The height of a bar for `value` out of `top` in `span` pixels, in whole pixels (a value
// above zero always shows at least one).
int bar_height(std::int64_t value, std::int64_t top, int span) {
  if (value <= 0 || top <= 0) return 0;
  auto h = static_cast<int>(static_cast<double>(value) / static_cast<double>(top) * span);
  return std::max(h, 1);
}

// The opening tag with the chart's title, the background and the legend.
std::string chart_head(const domain::FundingSummary& s) {
  std::string title = "Income and costs for the last 12 months";
  if (!s.currency.empty()) title += " in " + s.currency;
  std::string out =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
      std::to_string(kHeight) + "\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
      std::to_string(kHeight) + "\" role=\"img\" aria-labelledby=\"funding-chart-title\" " +
      "font-family=\"sans-serif\" font-size=\"12\"><title id=\"funding-chart-title\">" +
      html_escape(title) + "</title>";
  out += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
         std::to_string(kHeight) + "\" fill=\"#ffffff\"/>";
  // Legend.
  out += "<rect x=\"16\" y=\"12\" width=\"12\" height=\"12\" fill=\"" + std::string(kIncomeColour) +
         "\"/><text x=\"34\" y=\"22\">Income</text>";
  out += "<rect x=\"100\" y=\"12\" width=\"12\" height=\"12\" fill=\"" + std::string(kCostColour) +
         "\"/><text x=\"118\" y=\"22\">Costs</text>";
  if (s.monthly_goal_minor > 0) {
    out +=
        "<line x1=\"180\" y1=\"18\" x2=\"204\" y2=\"18\" stroke=\"" + std::string(kGoalColour) +
        "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"210\" y=\"22\">Monthly goal " +
        html_escape(amount_text(s.monthly_goal_minor, s.currency)) + "</text>";
  }
  return out;
}

// A month's income and cost bars, side by side from `x`, with the month's name under them.
std::string month_bars(const domain::MonthFigures& m, const std::string& currency, int x,
                       int bar_width, int baseline, std::int64_t top, int plot_height) {
  int income_h = bar_height(m.income_minor, top, plot_height);
  int cost_h = bar_height(m.costs_minor, top, plot_height);
  std::string out = "<rect class=\"income\" x=\"" + std::to_string(x) + "\" y=\"" +
                    std::to_string(baseline - income_h) + "\" width=\"" +
                    std::to_string(bar_width) + "\" height=\"" + std::to_string(income_h) +
                    "\" fill=\"" + kIncomeColour + "\"><title>" +
                    html_escape(m.month + " income: " + amount_text(m.income_minor, currency)) +
                    "</title></rect>";
  out += "<rect class=\"costs\" x=\"" + std::to_string(x + bar_width) + "\" y=\"" +
         std::to_string(baseline - cost_h) + "\" width=\"" + std::to_string(bar_width) +
         "\" height=\"" + std::to_string(cost_h) + "\" fill=\"" + kCostColour + "\"><title>" +
         html_escape(m.month + " costs: " + amount_text(m.costs_minor, currency)) +
         "</title></rect>";
  out += "<text x=\"" + std::to_string(x + bar_width) + "\" y=\"" + std::to_string(baseline + 16) +
         "\" text-anchor=\"middle\">" + html_escape(month_label(m.month)) + "</text>";
  return out;
}

}  // namespace

std::string funding_chart_svg(const domain::FundingSummary& s) {
  std::int64_t top = s.monthly_goal_minor;
  for (const auto& m : s.months) top = std::max({top, m.income_minor, m.costs_minor});
  const int plot_height = kHeight - kTop - kBottom;
  const int baseline = kTop + plot_height;
  const int slots = std::max<int>(1, static_cast<int>(s.months.size()));
  const int slot_width = (kWidth - kLeft - kRight) / slots;
  const int bar_width = std::max(2, (slot_width - 8) / 2);

  std::string out = chart_head(s);
  out += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + std::to_string(baseline) +
         "\" x2=\"" + std::to_string(kWidth - kRight) + "\" y2=\"" + std::to_string(baseline) +
         "\" stroke=\"#8a8d99\"/>";
  for (std::size_t i = 0; i < s.months.size(); ++i) {
    int x = kLeft + static_cast<int>(i) * slot_width + 4;
    out += month_bars(s.months[i], s.currency, x, bar_width, baseline, top, plot_height);
  }
  if (s.monthly_goal_minor > 0) {
    int goal_y = baseline - bar_height(s.monthly_goal_minor, top, plot_height);
    out += "<line class=\"goal\" x1=\"" + std::to_string(kLeft) + "\" y1=\"" +
           std::to_string(goal_y) + "\" x2=\"" + std::to_string(kWidth - kRight) + "\" y2=\"" +
           std::to_string(goal_y) + "\" stroke=\"" + kGoalColour +
           "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
  }
  out += "<text x=\"" + std::to_string(kWidth - kRight) + "\" y=\"" + std::to_string(kHeight - 6) +
         "\" text-anchor=\"end\" fill=\"#6b6f7b\">Highest: " +
         html_escape(amount_text(top, s.currency)) + "</text></svg>";
  return out;
}

}  // namespace lox::web
