// Finding `:shortcode:` in a post or profile as Mastodon does (its CustomEmoji::SCAN_RE): not
// inside a word, not next to another colon; each shortcode once.
#include <loxodon/domain/custom_emoji.hpp>

#include <gtest/gtest.h>

namespace lox::domain {
namespace {

using Codes = std::vector<std::string>;

TEST(EmojiShortcodes, FindsShortcodesBetweenBoundaries) {
  EXPECT_EQ(emoji_shortcodes(":blobcat:"), Codes{"blobcat"});
  EXPECT_EQ(emoji_shortcodes("Hello :blob_cat: and :Cat2:!"), (Codes{"blob_cat", "Cat2"}));
  EXPECT_EQ(emoji_shortcodes(":a: :ab:"), Codes{"ab"});  // at least two characters
  EXPECT_EQ(emoji_shortcodes(":ab: :ab:\n:ab:"), Codes{"ab"});
  EXPECT_EQ(emoji_shortcodes("(:ab:)"), Codes{"ab"});
  EXPECT_EQ(emoji_shortcodes("\xF0\x9F\x8E\x89:ab:"), Codes{"ab"});  // after an emoji
  EXPECT_EQ(emoji_shortcodes("\xC2\xAB:ab:\xC2\xBB"), Codes{"ab"});  // in «quotes»
}

TEST(EmojiShortcodes, IgnoresShortcodesInsideWordsOrNextToColons) {
  EXPECT_TRUE(emoji_shortcodes("not:blobcat:").empty());
  EXPECT_TRUE(emoji_shortcodes(":blobcat:s").empty());
  EXPECT_TRUE(emoji_shortcodes(":blob::cat:").empty());
  EXPECT_TRUE(emoji_shortcodes("12:30:45").empty());
  EXPECT_TRUE(emoji_shortcodes(":bad-code:").empty());
  EXPECT_TRUE(emoji_shortcodes("::").empty());
  EXPECT_TRUE(emoji_shortcodes("").empty());
}

TEST(EmojiShortcodes, ValidShortcodesAreTwoToAHundredWordCharacters) {
  EXPECT_TRUE(valid_emoji_shortcode("ab"));
  EXPECT_TRUE(valid_emoji_shortcode(std::string(100, 'x')));
  EXPECT_FALSE(valid_emoji_shortcode(std::string(101, 'x')));
  EXPECT_FALSE(valid_emoji_shortcode("a"));
  EXPECT_FALSE(valid_emoji_shortcode("a b"));
  EXPECT_FALSE(valid_emoji_shortcode("ä_b"));
}

}  // namespace
}  // namespace lox::domain
