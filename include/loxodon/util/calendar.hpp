#pragma once

#include <chrono>

namespace lox {

// `t` moved `months` calendar months on (UTC), the time of day kept: 31 January plus one
// month is the last day of February, as subscription providers count a month.
std::chrono::system_clock::time_point add_calendar_months(std::chrono::system_clock::time_point t,
                                                          int months);

}  // namespace lox
