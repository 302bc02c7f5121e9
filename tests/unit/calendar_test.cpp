// Calendar months as subscription providers count them (a funded seat's months).
#include <loxodon/util/calendar.hpp>
#include <loxodon/util/time_format.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using namespace std::chrono;

std::string after(sys_days day, int months, hours at = hours(0)) {
  return format_iso8601_ms(add_calendar_months(day + at, months));
}

TEST(CalendarMonths, KeepTheDayAndTimeOrTakeTheMonthsLastDay) {
  EXPECT_EQ(after(2026y / November / 26, 3, hours(23)), "2027-02-26T23:00:00.000Z");
  EXPECT_EQ(after(2027y / January / 31, 1), "2027-02-28T00:00:00.000Z");
  EXPECT_EQ(after(2028y / January / 31, 1), "2028-02-29T00:00:00.000Z");  // leap year
  EXPECT_EQ(after(2027y / March / 31, 1), "2027-04-30T00:00:00.000Z");
  EXPECT_EQ(after(2027y / December / 15, 1), "2028-01-15T00:00:00.000Z");
  EXPECT_EQ(after(2027y / May / 1, 12), "2028-05-01T00:00:00.000Z");
  EXPECT_EQ(after(2027y / May / 1, 0), "2027-05-01T00:00:00.000Z");
}

}  // namespace
}  // namespace lox
