// Visibility is a security property: every read path, every visibility, every relationship.
// One table says who may see what; each read path is checked against it.
#include "app_harness.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

enum class Who { kAuthor, kFollower, kMentioned, kStranger, kBlocked, kLoggedOut };
const std::vector<Who> kEveryone = {Who::kAuthor,   Who::kFollower, Who::kMentioned,
                                    Who::kStranger, Who::kBlocked,  Who::kLoggedOut};
const char* name(Who w) {
  switch (w) {
    case Who::kAuthor:
      return "author";
    case Who::kFollower:
      return "follower";
    case Who::kMentioned:
      return "mentioned";
    case Who::kStranger:
      return "stranger";
    case Who::kBlocked:
      return "blocked";
    case Who::kLoggedOut:
      return "logged out";
  }
  return "";
}

// StatusPolicy#show?: who may see a status of each visibility anywhere at all.
bool may_see(const std::string& visibility, Who who) {
  if (who == Who::kAuthor) return true;
  if (who == Who::kBlocked) return false;
  if (visibility == "public" || visibility == "unlisted") return true;
  if (visibility == "private") return who == Who::kFollower || who == Who::kMentioned;
  return who == Who::kMentioned;  // direct
}

class VisibilityMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    auto author = h_.create_user("author");
    author_id_ = author.account.id;
    tokens_[Who::kAuthor] = h_.token_for(author, "read write follow");
    for (auto [who, user] :
         {std::pair{Who::kFollower, "follower"}, std::pair{Who::kMentioned, "mentioned"},
          std::pair{Who::kStranger, "stranger"}, std::pair{Who::kBlocked, "blocked"}}) {
      auto u = h_.create_user(user);
      ids_[who] = u.account.id;
      tokens_[who] = h_.token_for(u, "read write follow");
    }
    follow(Who::kFollower);
    follow(Who::kBlocked);  // then blocked: the block ends the follow
    ASSERT_EQ(
        h_.request("POST", "/api/v1/accounts/" + std::to_string(ids_[Who::kBlocked]) + "/block",
                   tokens_[Who::kAuthor], " ")
            ->status,
        200);
    root_ = post("public", "a public thread root", "");
    for (std::string v : {"public", "unlisted", "private", "direct"}) {
      statuses_[v] = post(v, "@mentioned hello (" + v + ")", root_);
    }
  }

  void follow(Who who) {
    auto res = h_.request("POST", "/api/v1/accounts/" + std::to_string(author_id_) + "/follow",
                          tokens_[who], " ");
    ASSERT_EQ(res->status, 200) << res->body;
  }

  std::string post(const std::string& visibility, const std::string& text,
                   const std::string& reply_to) {
    std::string body = "status=" + http::url_encode(text) + "&visibility=" + visibility;
    if (!reply_to.empty()) body += "&in_reply_to_id=" + reply_to;
    auto res = h_.request("POST", "/api/v1/statuses", tokens_[Who::kAuthor], body);
    EXPECT_EQ(res->status, 200) << res->body;
    auto posted = json::parse(res->body);
    std::string id = posted["id"];
    urls_[id] = posted["url"];
    // The fan-out job, run as the worker would.
    testing::run_awaitable(h_.services.fan_out.run({std::stoll(id)}));
    return id;
  }

  std::string token(Who who) { return who == Who::kLoggedOut ? "" : tokens_[who]; }

  std::set<std::string> ids_in(const std::string& target, Who who) {
    auto res = h_.request("GET", target, token(who));
    std::set<std::string> out;
    if (!res || res->status != 200) return out;
    auto body = json::parse(res->body);
    auto collect = [&](const json& list) {
      for (const auto& s : list) {
        out.insert(s["id"].get<std::string>());
        if (s.contains("reblog") && s["reblog"].is_object())
          out.insert(s["reblog"]["id"].get<std::string>());
        if (s.contains("status") && s["status"].is_object())
          out.insert(s["status"]["id"].get<std::string>());
        if (s.contains("last_status") && s["last_status"].is_object())
          out.insert(s["last_status"]["id"].get<std::string>());
      }
    };
    if (body.is_array()) collect(body);
    if (body.is_object() && body.contains("descendants")) collect(body["descendants"]);
    if (body.is_object() && body.contains("statuses")) collect(body["statuses"]);
    return out;
  }

  AppHarness h_;
  std::int64_t author_id_ = 0;
  std::map<Who, std::int64_t> ids_;
  std::map<Who, std::string> tokens_;
  std::string root_;
  std::map<std::string, std::string> statuses_;
  std::map<std::string, std::string> urls_;  // status id -> its URL
};

TEST_F(VisibilityMatrix, EveryReadPathHonoursEveryVisibility) {
  const std::string account = std::to_string(author_id_);
  for (const auto& [visibility, id] : statuses_) {
    for (Who who : kEveryone) {
      SCOPED_TRACE(visibility + " status, viewer: " + name(who));
      bool expected = may_see(visibility, who);

      auto single = h_.request("GET", "/api/v1/statuses/" + id, token(who));
      EXPECT_EQ(single->status, expected ? 200 : 404);
      auto ctx = h_.request("GET", "/api/v1/statuses/" + id + "/context", token(who));
      EXPECT_EQ(ctx->status, expected ? 200 : 404);

      EXPECT_EQ(ids_in("/api/v1/statuses/" + root_ + "/context", who).contains(id), expected);
      EXPECT_EQ(ids_in("/api/v1/statuses?id[]=" + id, who).contains(id), expected);
      EXPECT_EQ(ids_in("/api/v1/accounts/" + account + "/statuses", who).contains(id), expected);
      // The public timeline shows public statuses only, and never across a block.
      EXPECT_EQ(ids_in("/api/v1/timelines/public", who).contains(id),
                visibility == "public" && who != Who::kBlocked);
      // Search finds statuses for signed-in viewers only, and only what they may see; so does
      // resolving the status's URL.
      EXPECT_EQ(ids_in("/api/v2/search?type=statuses&q=hello", who).contains(id),
                expected && who != Who::kLoggedOut);
      EXPECT_EQ(
          ids_in("/api/v2/search?resolve=true&q=" + http::url_encode(urls_[id]), who).contains(id),
          expected && who != Who::kLoggedOut);
      if (who != Who::kLoggedOut) {
        bool home = who == Who::kAuthor || (who == Who::kFollower && visibility != "direct") ||
                    (who == Who::kMentioned && visibility == "direct");
        EXPECT_EQ(ids_in("/api/v1/timelines/home", who).contains(id), home);
        // Only the mentioned account is notified, and only about what it may see.
        EXPECT_EQ(ids_in("/api/v1/notifications", who).contains(id), who == Who::kMentioned);
        // Conversations hold direct messages, for their participants only.
        EXPECT_EQ(ids_in("/api/v1/conversations", who).contains(id),
                  visibility == "direct" && (who == Who::kAuthor || who == Who::kMentioned));
      }
    }
  }
}

TEST_F(VisibilityMatrix, BoostsNeverCarryHiddenStatusesOutward) {
  // Nobody but the author can boost a private or direct status, and direct not even them.
  auto boost_private = h_.request("POST", "/api/v1/statuses/" + statuses_["private"] + "/reblog",
                                  tokens_[Who::kFollower], " ");
  EXPECT_EQ(boost_private->status, 403);
  auto boost_direct = h_.request("POST", "/api/v1/statuses/" + statuses_["direct"] + "/reblog",
                                 tokens_[Who::kMentioned], " ");
  EXPECT_EQ(boost_direct->status, 403);
  auto boost_hidden = h_.request("POST", "/api/v1/statuses/" + statuses_["private"] + "/reblog",
                                 tokens_[Who::kStranger], " ");
  EXPECT_EQ(boost_hidden->status, 404);
  // Favouriting what one cannot see reveals nothing either.
  EXPECT_EQ(h_.request("POST", "/api/v1/statuses/" + statuses_["direct"] + "/favourite",
                       tokens_[Who::kStranger], " ")
                ->status,
            404);
}

}  // namespace
}  // namespace lox
