#include <loxodon/util/calendar.hpp>

#include <algorithm>

namespace lox {

std::chrono::system_clock::time_point add_calendar_months(std::chrono::system_clock::time_point t,
                                                          int months) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const auto time_of_day = t - day;
  const year_month_day date{day};
  const year_month moved = year_month{date.year(), date.month()} + std::chrono::months{months};
  const auto last = year_month_day_last{moved.year(), month_day_last{moved.month()}}.day();
  return sys_days{moved / std::min(date.day(), last)} + time_of_day;
}

}  // namespace lox
