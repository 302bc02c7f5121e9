// Combining plans' entitlements, and which features an account may use while the instance
// holds some in early access.
#include <loxodon/services/entitlements.hpp>

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

}  // namespace
}  // namespace lox::services
