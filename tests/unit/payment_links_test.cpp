// FEP-0ea0 payment links on a person's actor: profile fields that are for paying someone (by
// their name or their platform) become Link objects with rel "payment" beside the fields.
#include <loxodon/activitypub/actor_documents.hpp>

#include <gtest/gtest.h>

namespace lox::activitypub {
namespace {

TEST(PaymentLinksTest, FieldsForPayingSomeoneBecomePaymentLinks) {
  std::vector<domain::ProfileField> fields = {
      {"Donate", "https://example.org/give"},          {"Website", "https://example.org/"},
      {"Where", "https://liberapay.com/someone"},      {"Tip jar", "not a link"},
      {"Support me", "javascript:alert(1)"},           {"Ko-fi", " https://ko-fi.com/someone "},
      {"Code", "https://github.com/sponsors/someone"},
  };
  auto links = profile_payment_links(fields);
  ASSERT_EQ(links.size(), 4u) << links.dump();
  EXPECT_EQ(links[0], (nlohmann::json{{"type", "Link"},
                                      {"name", "Donate"},
                                      {"href", "https://example.org/give"},
                                      {"rel", "payment"}}));
  EXPECT_EQ(links[1]["href"], "https://liberapay.com/someone");
  EXPECT_EQ(links[2]["href"], "https://ko-fi.com/someone");
  EXPECT_EQ(links[3]["name"], "Code");
}

TEST(PaymentLinksTest, ThePersonDocumentCarriesThemBesideItsFields) {
  config::Config config;
  config.domain = "social.example";
  domain::Account a;
  a.id = 1;
  a.username = "mia";
  a.fields = {{"Liberapay", "https://liberapay.com/mia"}, {"Pronouns", "she/her"}};
  auto doc = person_document(config, a, "-----BEGIN PUBLIC KEY-----");
  const auto& attachment = doc["attachment"];
  ASSERT_EQ(attachment.size(), 3u);
  EXPECT_EQ(attachment[0]["type"], "PropertyValue");
  EXPECT_EQ(attachment[1]["type"], "PropertyValue");
  EXPECT_EQ(attachment[2]["type"], "Link");
  EXPECT_EQ(attachment[2]["rel"], "payment");
  EXPECT_EQ(attachment[2]["href"], "https://liberapay.com/mia");
}

}  // namespace
}  // namespace lox::activitypub
