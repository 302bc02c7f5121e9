#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lox::domain {

// Amounts of money are whole minor units (cents, pence, yen) in an int64 with an ISO 4217
// currency code: no floating point anywhere, so sums are exact and nothing rounds.
struct Money {
  std::int64_t minor = 0;
  std::string currency;  // ISO 4217, upper case
};

// The largest amount one entry may carry: 10^15 minor units (ten trillion euros), far beyond
// any instance's money and far below where sums of many entries could overflow an int64.
inline constexpr std::int64_t kMaxEntryMinor = 1'000'000'000'000'000;

// Digits after the decimal point for an active ISO 4217 currency (2 for EUR, 0 for JPY, 3 for
// KWD); nothing for a code that is not one.
std::optional<int> currency_exponent(std::string_view code);

// "12.34" in EUR → 1234; "5" in JPY → 5. Refuses signs, more decimals than the currency has,
// anything that is not digits and one point, and values above kMaxEntryMinor.
std::optional<std::int64_t> parse_amount(std::string_view text, std::string_view currency);

// 1234 EUR → "12.34"; -500 JPY → "-500".
std::string format_amount(std::int64_t minor, std::string_view currency);

// The whole percentage `part` is of `whole`, rounded down, without overflowing for any sum of
// entries (0 for a part that is not positive; `whole` must be positive).
std::int64_t whole_percent(std::int64_t part, std::int64_t whole);

}  // namespace lox::domain
