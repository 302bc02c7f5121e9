#include <loxodon/domain/filter.hpp>

#include <gtest/gtest.h>

namespace lox::domain {
namespace {

TEST(FilterPattern, EscapesEveryRegexMetacharacter) {
  EXPECT_EQ(filter_keyword_pattern("a.b*c", false), "a\\.b\\*c");
  EXPECT_EQ(filter_keyword_pattern("(x)[y]{z}", false), "\\(x\\)\\[y\\]\\{z\\}");
  EXPECT_EQ(filter_keyword_pattern("^$|?+\\", false), "\\^\\$\\|\\?\\+\\\\");
}

TEST(FilterPattern, WholeWordsGetBoundariesOnlyWhereTheKeywordHasWordCharacters) {
  EXPECT_EQ(filter_keyword_pattern("cat", true), "\\mcat\\M");
  EXPECT_EQ(filter_keyword_pattern("cat", false), "cat");
  // "#tag" must still match after a space: no boundary before the '#'.
  EXPECT_EQ(filter_keyword_pattern("#tag", true), "#tag\\M");
  EXPECT_EQ(filter_keyword_pattern("wow!", true), "\\mwow!");
  EXPECT_EQ(filter_keyword_pattern("über", true), "\\müber\\M");
  EXPECT_EQ(filter_keyword_pattern("", true), "");
}

TEST(FilterContexts, NamesActionsAndApplicability) {
  EXPECT_TRUE(valid_filter_context("home"));
  EXPECT_TRUE(valid_filter_context("account"));
  EXPECT_FALSE(valid_filter_context("Home"));
  EXPECT_FALSE(valid_filter_context("timeline"));
  EXPECT_EQ(parse_filter_action("blur"), FilterAction::kBlur);
  EXPECT_FALSE(parse_filter_action("delete").has_value());
  EXPECT_STREQ(filter_action_name(FilterAction::kHide), "hide");

  Filter f;
  f.contexts = {"home", "thread"};
  EXPECT_TRUE(f.applies_in(FilterContext::kHome));
  EXPECT_TRUE(f.applies_in(FilterContext::kThread));
  EXPECT_FALSE(f.applies_in(FilterContext::kPublic));
  EXPECT_FALSE(f.applies_in(FilterContext::kNotifications));
  EXPECT_TRUE(f.applies_in(FilterContext::kNone));  // a single status: every filter reports
}

}  // namespace
}  // namespace lox::domain
