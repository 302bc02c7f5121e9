// This server's own custom emoji: administrators add them, members add up to their plan's
// custom emoji slots (and keep them when the membership ends); every app's picker lists them
// at /api/v1/custom_emojis; local posts and profiles that use one carry it in `emojis`, and
// federate it as an Emoji tag.
#include "app_harness.hpp"
#include "funding_fixtures.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using lox::testing::multipart;
using lox::testing::tiny_png;
using nlohmann::json;

class CustomEmojiTest : public ::testing::Test {
 protected:
  CustomEmojiTest()
      : admin_(h_.create_user("tess", "admin")),
        member_(h_.create_user("mia")),
        other_(h_.create_user("fred")),
        admin_token_(h_.token_for(admin_, "read write admin:read admin:write")),
        member_token_(h_.token_for(member_, "read write")),
        other_token_(h_.token_for(other_, "read write")) {}

  std::optional<lox::testing::RawResponse> add(
      const std::string& token, const std::string& shortcode, const std::string& image,
      const std::vector<std::pair<std::string, std::string>>& more = {}) {
    auto fields = more;
    fields.emplace_back("shortcode", shortcode);
    return h_.request("POST", "/api/v1/custom_emojis", token,
                      multipart(fields, image.empty() ? "" : "image", image),
                      "multipart/form-data; boundary=" + lox::testing::kBoundary);
  }
  // Read signed in: logged-out answers come from the one-second page cache.
  json listed() {
    auto res = h_.request("GET", "/api/v1/custom_emojis", other_token_);
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }
  std::string comp_slots(int slots) {
    auto plan =
        h_.request("POST", "/api/v1/admin/plans", admin_token_,
                   "name=Emoji&price=3&currency=EUR&custom_emoji_slots=" + std::to_string(slots));
    EXPECT_EQ(plan->status, 200) << plan->body;
    auto comp = h_.request("POST", "/api/v1/admin/memberships", admin_token_,
                           "account_id=" + std::to_string(member_.account.id) +
                               "&plan_id=" + json::parse(plan->body)["id"].get<std::string>());
    EXPECT_EQ(comp->status, 200) << comp->body;
    return json::parse(comp->body)["id"];
  }

  std::optional<lox::testing::RawResponse> activity_json(const std::string& path) {
    return lox::testing::http_request(h_.port(), "GET", path,
                                      "Accept: application/activity+json\r\n");
  }

  AppHarness h_;
  domain::UserWithAccount admin_, member_, other_;
  std::string admin_token_, member_token_, other_token_;
};

TEST_F(CustomEmojiTest, AdministratorsAddEmojiEveryAppLists) {
  EXPECT_TRUE(listed().empty());
  auto added = add(admin_token_, "blobcat", tiny_png(), {{"category", "Cats"}});
  ASSERT_EQ(added->status, 200) << added->body;
  EXPECT_TRUE(json::parse(added->body)["added_by"].is_null());
  auto emojis = listed();
  ASSERT_EQ(emojis.size(), 1u);
  EXPECT_EQ(emojis[0]["shortcode"], "blobcat");
  EXPECT_EQ(emojis[0]["category"], "Cats");
  EXPECT_EQ(emojis[0]["visible_in_picker"], true);
  std::string url = emojis[0]["url"];
  ASSERT_EQ(url.rfind(h_.config.base_url() + "/system/media/", 0), 0u) << url;
  // Served from our own media store.
  auto file = h_.request("GET", url.substr(h_.config.base_url().size()));
  EXPECT_EQ(file->status, 200);
  EXPECT_NE(std::string(emojis[0]["static_url"]), url);
}

TEST_F(CustomEmojiTest, MembersAddUpToTheirSlotsAndKeepThemWhenTheMembershipEnds) {
  auto refused = add(member_token_, "mia_cat", tiny_png());
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("custom emoji slot"), std::string::npos) << refused->body;

  auto membership = comp_slots(1);
  auto added = add(member_token_, "mia_cat", tiny_png());
  ASSERT_EQ(added->status, 200) << added->body;
  EXPECT_EQ(json::parse(added->body)["added_by"], "mia");
  EXPECT_EQ(add(member_token_, "mia_dog", tiny_png())->status, 422);  // one slot
  auto perks = json::parse(h_.request("GET", "/api/v1/funding/membership", member_token_)->body);
  EXPECT_EQ(perks["perks"]["custom_emoji_slots"], 1);

  h_.request("POST", "/api/v1/admin/memberships/" + membership + "/end", admin_token_);
  ASSERT_EQ(listed().size(), 1u);  // still there
  EXPECT_EQ(add(member_token_, "mia_dog", tiny_png())->status, 422);

  // Someone else's emoji is not theirs to remove; the member's own and an administrator's
  // removal work.
  EXPECT_EQ(h_.request("DELETE", "/api/v1/custom_emojis/mia_cat", other_token_)->status, 403);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/custom_emojis/mia_cat", member_token_)->status, 200);
  EXPECT_TRUE(listed().empty());
  ASSERT_EQ(add(admin_token_, "staff", tiny_png())->status, 200);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/custom_emojis/staff", member_token_)->status, 403);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/custom_emojis/staff", admin_token_)->status, 200);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/custom_emojis/staff", admin_token_)->status, 404);
}

TEST_F(CustomEmojiTest, AnEmojiOthersUseStaysUntilAnAdministratorRemovesIt) {
  comp_slots(1);
  ASSERT_EQ(add(member_token_, "mia_cat", tiny_png())->status, 200);
  ASSERT_EQ(
      h_.request("POST", "/api/v1/statuses", other_token_, "status=Look+%3Amia_cat%3A")->status,
      200);
  // Its image can no longer be swapped under someone else's post.
  auto refused = h_.request("DELETE", "/api/v1/custom_emojis/mia_cat", member_token_);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("Other people's posts"), std::string::npos) << refused->body;
  EXPECT_EQ(listed().size(), 1u);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/custom_emojis/mia_cat", admin_token_)->status, 200);
  EXPECT_TRUE(listed().empty());
}

TEST_F(CustomEmojiTest, AnAdministratorActsAsOneOnlyWithAnAdminToken) {
  // An app the administrator granted only `write` is not the administrator: no slot, no
  // removing others' emoji.
  auto plain = h_.token_for(admin_, "read write");
  auto refused = add(plain, "staff", tiny_png());
  EXPECT_EQ(refused->status, 422) << refused->body;
  comp_slots(1);
  ASSERT_EQ(add(member_token_, "mia_cat", tiny_png())->status, 200);
  EXPECT_EQ(h_.request("DELETE", "/api/v1/custom_emojis/mia_cat", plain)->status, 403);
  EXPECT_EQ(add(admin_token_, "staff", tiny_png())->status, 200);
}

TEST_F(CustomEmojiTest, BadUploadsAreRefusedAndStoreNothing) {
  ASSERT_EQ(add(admin_token_, "taken", tiny_png())->status, 200);
  struct Case {
    std::string shortcode;
    std::string image;
    std::vector<std::pair<std::string, std::string>> more;
  };
  for (const auto& c : std::vector<Case>{
           {"a", tiny_png(), {}},
           {"bad-code", tiny_png(), {}},
           {std::string(101, 'x'), tiny_png(), {}},
           {"noimage", "", {}},
           {"notanimage", "<svg xmlns='http://www.w3.org/2000/svg'/>", {}},
           {"toolarge", tiny_png() + std::string(300 * 1024, '\0'), {}},
           {"taken", tiny_png(), {}},
           {"longcategory", tiny_png(), {{"category", std::string(51, 'c')}}},
       }) {
    auto res = add(admin_token_, c.shortcode, c.image, c.more);
    EXPECT_EQ(res->status, 422) << c.shortcode << " " << res->body;
  }
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM custom_emojis"), 1);
  EXPECT_EQ(h_.request("GET", "/api/v1/custom_emojis", "")->status, 200);
  auto read_only = h_.token_for(admin_, "read");
  EXPECT_EQ(add(read_only, "scoped", tiny_png())->status, 403);
}

TEST_F(CustomEmojiTest, PostsAndProfilesThatUseAnEmojiCarryItAndFederateIt) {
  ASSERT_EQ(add(admin_token_, "blobcat", tiny_png())->status, 200);
  auto post = h_.request("POST", "/api/v1/statuses", member_token_,
                         "status=Hello+%3Ablobcat%3A+and+%3Aunknown%3A+and+not%3Ablobcat%3A");
  ASSERT_EQ(post->status, 200) << post->body;
  auto status = json::parse(post->body);
  ASSERT_EQ(status["emojis"].size(), 1u) << status["emojis"];
  EXPECT_EQ(status["emojis"][0]["shortcode"], "blobcat");
  std::string id = status["id"];
  // The Note carries an Emoji tag, as Mastodon's do.
  auto note = activity_json("/users/mia/statuses/" + id);
  ASSERT_EQ(note->status, 200) << note->body;
  bool tagged = false;
  const json note_doc = json::parse(note->body);
  for (const auto& tag : note_doc["tag"]) {
    if (tag["type"] == "Emoji" && tag["name"] == ":blobcat:") {
      tagged = tag["icon"]["url"].get<std::string>().find("/system/media/") != std::string::npos;
      EXPECT_EQ(tag["id"], h_.config.base_url() + "/emojis/blobcat");
    }
  }
  EXPECT_TRUE(tagged) << note->status << " " << note->body;
  auto emoji_doc = h_.request("GET", "/emojis/blobcat");
  ASSERT_EQ(emoji_doc->status, 200) << emoji_doc->body;
  EXPECT_EQ(json::parse(emoji_doc->body)["type"], "Emoji");
  EXPECT_EQ(h_.request("GET", "/emojis/nothing")->status, 404);

  // An edit that drops it drops it from `emojis`.
  auto edit = h_.request("PUT", "/api/v1/statuses/" + id, member_token_, "status=Plain");
  ASSERT_EQ(edit->status, 200) << edit->body;
  EXPECT_TRUE(json::parse(edit->body)["emojis"].empty());

  // Profiles too: the display name, bio and fields.
  auto profile = h_.request("PATCH", "/api/v1/accounts/update_credentials", member_token_,
                            "display_name=Mia+%3Ablobcat%3A");
  ASSERT_EQ(profile->status, 200) << profile->body;
  auto account = json::parse(
      h_.request("GET", "/api/v1/accounts/" + std::to_string(member_.account.id))->body);
  ASSERT_EQ(account["emojis"].size(), 1u);
  EXPECT_EQ(account["emojis"][0]["shortcode"], "blobcat");
  auto actor = json::parse(activity_json("/users/mia")->body);
  ASSERT_TRUE(actor.contains("tag")) << actor;
  ASSERT_EQ(actor["tag"].size(), 1u) << actor;
  EXPECT_EQ(actor["tag"][0]["name"], ":blobcat:");
}

}  // namespace
}  // namespace lox
