// Combining plans' entitlements, and which features an account may use while the instance
// holds some in early access.
#include <loxodon/services/funding/entitlements.hpp>

#include <gtest/gtest.h>

namespace lox::services {
namespace {

TEST(Entitlements, SeveralPlansGiveTheHighestLimitAndEveryFlag) {
  auto e = combine_entitlements({R"({"max_characters": 1000, "max_upload_megabytes": 40,
                                      "privacy_tools": true})",
                                 R"({"max_characters": 3000, "max_upload_megabytes": 20,
                                      "early_access": true, "ad_free": false})",
                                 "not json", R"({"max_characters": -5, "ad_free": "yes"})"});
  EXPECT_EQ(e.max_characters, 3000u);
  EXPECT_EQ(e.max_upload_megabytes, 40u);
  EXPECT_TRUE(e.privacy_tools);
  EXPECT_TRUE(e.early_access);
  EXPECT_FALSE(e.ad_free);  // false, and a string, grant nothing
  EXPECT_FALSE(e.max_poll_options);
  auto none = combine_entitlements({});
  EXPECT_FALSE(none.privacy_tools);
  EXPECT_FALSE(none.max_upload_megabytes);
}

TEST(Entitlements, FeaturesInEarlyAccessAreOpenOnlyToMembersWithEarlyAccess) {
  config::Config config;
  domain::Entitlements member, early;
  early.early_access = true;
  // Nothing held back: open to everyone.
  EXPECT_TRUE(feature_open_to(config, member, "statuses_cleanup"));
  config.instance.early_access_features = {"statuses_cleanup"};
  EXPECT_FALSE(feature_open_to(config, member, "statuses_cleanup"));
  EXPECT_TRUE(feature_open_to(config, early, "statuses_cleanup"));
  EXPECT_TRUE(feature_open_to(config, member, "hide_counts"));
}

TEST(Entitlements, EffectiveLimitsRaiseTheInstancesOwnWithinItsCeilings) {
  config::Config config;
  auto everyone = effective_limits(config, {});
  EXPECT_EQ(everyone.max_characters, 500u);
  EXPECT_EQ(everyone.max_profile_fields, 4u);
  EXPECT_EQ(everyone.max_scheduled_posts, 300);
  EXPECT_EQ(everyone.max_scheduled_per_day, 25);
  EXPECT_EQ(everyone.edit_window_minutes, 0);  // no window, as Mastodon
  EXPECT_EQ(everyone.image_bytes, 16u * 1024 * 1024);
  EXPECT_EQ(everyone.video_bytes, 99u * 1024 * 1024);

  domain::Entitlements plan;
  plan.max_characters = 2000;
  plan.max_scheduled_posts = 600;
  plan.edit_window_minutes = 1440;
  plan.max_upload_megabytes = 5000;  // above the instance's ceiling of 100
  auto member = effective_limits(config, plan);
  EXPECT_EQ(member.max_characters, 2000u);
  EXPECT_EQ(member.max_scheduled_per_day, 50);
  EXPECT_EQ(member.edit_window_minutes, 0);  // nothing to extend without an instance window
  EXPECT_EQ(member.image_bytes, 100u * 1024 * 1024);
  EXPECT_EQ(member.video_bytes, 100u * 1024 * 1024);
  config.instance.edit_window_minutes = 60;
  EXPECT_EQ(effective_limits(config, plan).edit_window_minutes, 1440);
  plan.max_upload_megabytes = 20;  // never below Mastodon's 99 MB for video
  EXPECT_EQ(effective_limits(config, plan).video_bytes, 99u * 1024 * 1024);
}

}  // namespace
}  // namespace lox::services
