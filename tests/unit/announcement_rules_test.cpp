// Which reaction names an announcement accepts: one Unicode emoji, never text.
#include <loxodon/services/instance/announcement_service.hpp>

#include <gtest/gtest.h>

namespace lox::services {
namespace {

TEST(AnnouncementRules, ReactionsAreEmojiNotText) {
  EXPECT_TRUE(valid_reaction_name("\xf0\x9f\x90\x98"));  // elephant
  // Thumbs up with a skin tone, and a family joined with zero-width joiners.
  EXPECT_TRUE(valid_reaction_name("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"));
  EXPECT_TRUE(
      valid_reaction_name("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
                          "\xf0\x9f\x91\xa7"));
  EXPECT_TRUE(valid_reaction_name("1\xef\xb8\x8f\xe2\x83\xa3"));  // keycap one
  EXPECT_FALSE(valid_reaction_name(""));
  EXPECT_FALSE(valid_reaction_name("abc"));
  EXPECT_FALSE(valid_reaction_name("\xf0\x9f\x90\x98 "));
  EXPECT_FALSE(valid_reaction_name("<b>"));
  EXPECT_FALSE(valid_reaction_name("\xff\xfe"));  // not UTF-8
  EXPECT_FALSE(valid_reaction_name(std::string(40, '\xe2')));
}

}  // namespace
}  // namespace lox::services
