// Money in whole minor units with ISO 4217 exponents: parsing refuses everything that is not a
// plain non-negative amount the currency can carry, and formatting round-trips.
#include <loxodon/domain/money.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace lox::domain {
namespace {

TEST(Money, CurrencyExponentsFollowIso4217) {
  EXPECT_EQ(currency_exponent("EUR"), 2);
  EXPECT_EQ(currency_exponent("JPY"), 0);
  EXPECT_EQ(currency_exponent("KWD"), 3);
  EXPECT_FALSE(currency_exponent("eur"));
  EXPECT_FALSE(currency_exponent("XYZ"));
  EXPECT_FALSE(currency_exponent(""));
}

TEST(Money, ParsesPlainAmountsOnly) {
  EXPECT_EQ(parse_amount("12.34", "EUR"), 1234);
  EXPECT_EQ(parse_amount("12.3", "EUR"), 1230);
  EXPECT_EQ(parse_amount("12", "EUR"), 1200);
  EXPECT_EQ(parse_amount("0.01", "USD"), 1);
  EXPECT_EQ(parse_amount("500", "JPY"), 500);
  EXPECT_EQ(parse_amount("1.234", "KWD"), 1234);
  for (const char* bad :
       {"", "-1", "+1", "1.", ".5", "1.234", "1,00", "1e3", " 1", "0x10", "12.34.5", "１２"}) {
    EXPECT_FALSE(parse_amount(bad, "EUR")) << bad;
  }
  EXPECT_FALSE(parse_amount("1.5", "JPY"));  // yen has no minor unit
  EXPECT_FALSE(parse_amount("10", "XYZ"));   // not a currency
  // The largest entry is accepted; one more minor unit, or a value past int64, is not.
  EXPECT_EQ(parse_amount("10000000000000.00", "EUR"), kMaxEntryMinor);
  EXPECT_FALSE(parse_amount("10000000000000.01", "EUR"));
  EXPECT_FALSE(parse_amount("99999999999999999999999", "EUR"));
}

TEST(Money, FormatsWithTheCurrencysDecimals) {
  EXPECT_EQ(format_amount(1234, "EUR"), "12.34");
  EXPECT_EQ(format_amount(5, "EUR"), "0.05");
  EXPECT_EQ(format_amount(0, "EUR"), "0.00");
  EXPECT_EQ(format_amount(-1234, "EUR"), "-12.34");
  EXPECT_EQ(format_amount(500, "JPY"), "500");
  EXPECT_EQ(format_amount(1234, "KWD"), "1.234");
  EXPECT_EQ(format_amount(std::numeric_limits<std::int64_t>::min(), "JPY"), "-9223372036854775808");
  for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{99}, std::int64_t{100},
                         std::int64_t{123456789}, kMaxEntryMinor}) {
    EXPECT_EQ(parse_amount(format_amount(v, "EUR"), "EUR"), v);
  }
}

}  // namespace
}  // namespace lox::domain
