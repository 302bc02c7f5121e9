#include <loxodon/domain/scopes.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/password.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using domain::ScopeSet;

TEST(Scopes, TopLevelScopesCoverTheirGranularOnes) {
  auto s = ScopeSet::parse("read write:statuses follow");
  EXPECT_TRUE(s.allows("read:accounts"));
  EXPECT_TRUE(s.allows("read:notifications"));
  EXPECT_TRUE(s.allows("write:statuses"));
  EXPECT_FALSE(s.allows("write:accounts"));
  EXPECT_FALSE(s.allows("write"));
  // The legacy follow scope: follows, blocks and mutes.
  EXPECT_TRUE(s.allows("write:follows"));
  EXPECT_TRUE(s.allows("write:blocks"));
  EXPECT_FALSE(s.allows("admin:read:accounts"));
  EXPECT_TRUE(ScopeSet::parse("admin:read").allows("admin:read:reports"));
  EXPECT_FALSE(ScopeSet::parse("admin:read").allows("admin:write:reports"));
  EXPECT_FALSE(ScopeSet::parse("profile").allows("read:accounts"));
}

TEST(Scopes, ParsingAcceptsSpacesAndPlusesAndFindsUnknownScopes) {
  auto s = ScopeSet::parse("read+write  push");
  EXPECT_EQ(s.to_string(), "read write push");
  EXPECT_EQ(s.first_unknown(), "");
  EXPECT_EQ(ScopeSet::parse("read delete:everything").first_unknown(), "delete:everything");
  EXPECT_TRUE(ScopeSet::parse("read").subset_of(ScopeSet::parse("read write")));
  // Literal subset, as Doorkeeper checks: an app registered for "read" cannot ask for read:x.
  EXPECT_FALSE(ScopeSet::parse("read:statuses").subset_of(ScopeSet::parse("read")));
  EXPECT_EQ(domain::all_scopes().size(), 45u);
}

TEST(Usernames, FollowMastodonsRules) {
  EXPECT_FALSE(domain::username_problem("alice_01"));
  EXPECT_FALSE(domain::username_problem("Alice"));
  EXPECT_EQ(domain::username_problem(""), "can't be blank");
  EXPECT_TRUE(domain::username_problem("al-ice"));
  EXPECT_TRUE(domain::username_problem("al.ice"));
  EXPECT_TRUE(domain::username_problem("álice"));
  EXPECT_TRUE(domain::username_problem(std::string(31, 'a')));
  EXPECT_FALSE(domain::username_problem(std::string(30, 'a')));
  EXPECT_EQ(domain::username_problem("Admin"), "is reserved");
  EXPECT_EQ(domain::username_problem("inbox"), "is reserved");
  EXPECT_EQ(domain::username_problem("users"), "is reserved");
}

TEST(Text, PlainTextBecomesSafeParagraphs) {
  EXPECT_EQ(plain_text_to_html("Hi <b>there</b> & co"),
            "<p>Hi &lt;b&gt;there&lt;/b&gt; &amp; co</p>");
  EXPECT_EQ(plain_text_to_html("one\ntwo\n\nthree"), "<p>one<br />two</p><p>three</p>");
  EXPECT_EQ(plain_text_to_html("\r\n\r\n  "), "");
}

TEST(Text, Utf8ValidationAndRepair) {
  EXPECT_TRUE(valid_utf8("héllo 🐘"));
  EXPECT_FALSE(valid_utf8("bad \xff byte"));
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));      // overlong '/'
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_FALSE(valid_utf8("cut \xe2\x82"));  // truncated
  EXPECT_EQ(to_valid_utf8("a\xff"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(to_valid_utf8(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(utf8_length("🐘🐘"), 2u);
}

TEST(Passwords, Argon2idHashesVerifyAndCarryTheirParameters) {
  auto hash = hash_password("correct horse battery staple");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("correct horse battery staple", hash));
  EXPECT_FALSE(verify_password("correct horse battery stapl", hash));
  EXPECT_NE(hash, hash_password("correct horse battery staple"));  // salted
}

}  // namespace
}  // namespace lox
