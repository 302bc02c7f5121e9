// Every Mastodon API route that exists, against every kind of token: the declarative table in
// api::mastodon::Endpoints is enforced exactly as Mastodon does.
#include "app_harness.hpp"

#include <loxodon/domain/scopes.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using api::mastodon::Access;
using lox::testing::AppHarness;
using nlohmann::json;

std::string fill(std::string path, std::int64_t account_id) {
  auto pos = path.find(":id");
  if (pos != std::string::npos) path.replace(pos, 3, std::to_string(account_id));
  return path;
}

TEST(ScopeMatrix, EveryRouteEnforcesItsAccessAndScopes) {
  AppHarness h;
  // Staff, so admin routes answer on scope alone (their role check is tested in reports_test).
  auto alice = h.create_user("alice", "admin");
  auto bob = h.create_user("bob");
  auto app = h.register_app("read write follow push");
  auto app_token_res = h.request(
      "POST", "/oauth/token", "",
      "grant_type=client_credentials&scope=read+write+follow+push&client_id=" + app.app.client_id +
          "&client_secret=" + app.client_secret);
  std::string app_token = json::parse(app_token_res->body)["access_token"];
  // User tokens issued to an app that may ask for any scope, as real apps' tokens are.
  std::string all;
  for (const auto& s : domain::all_scopes()) all += (all.empty() ? "" : " ") + s;
  auto any_scope_app = h.register_app(all);
  auto user_token = [&](const std::string& scope) {
    auto res = h.request(
        "POST", "/oauth/token", "",
        "grant_type=password&username=alice&password=correct+horse+battery&scope=" + scope +
            "&client_id=" + any_scope_app.app.client_id +
            "&client_secret=" + any_scope_app.client_secret);
    EXPECT_EQ(res->status, 200) << scope << " " << res->body;
    return json::parse(res->body)["access_token"].get<std::string>();
  };
  std::string push_only = user_token("push");  // allows no API route below

  const auto& table = h.web.endpoint_table();
  ASSERT_GT(table.size(), 30u);
  for (const auto& spec : table) {
    SCOPED_TRACE(spec.method + " " + spec.path);
    std::string target = fill(spec.path, bob.account.id);
    auto status = [&](const std::string& token) {
      auto res = h.request(spec.method, target, token, spec.method == "GET" ? "" : " ");
      EXPECT_TRUE(res);
      return res ? res->status : 0;
    };

    auto invalid = h.request(spec.method, target, "not-a-real-token");
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->status, 401);
    EXPECT_EQ(json::parse(invalid->body)["error"], "The access token is invalid");

    int anonymous = status("");
    if (spec.access == Access::kPublic) {
      EXPECT_NE(anonymous, 401);
      EXPECT_NE(anonymous, 403);
    } else {
      EXPECT_EQ(anonymous, 401);
    }
    if (spec.access == Access::kUser) {
      EXPECT_EQ(status(app_token), 422);
    }

    if (!spec.scopes.empty()) {
      auto refused = h.request(spec.method, target, push_only, spec.method == "GET" ? "" : " ");
      ASSERT_TRUE(refused);
      EXPECT_EQ(refused->status, 403);
      EXPECT_EQ(json::parse(refused->body)["error"],
                "This action is outside the authorized scopes");
      // Each scope the table lists is enough on its own, granular or not.
      for (const auto& scope : spec.scopes) {
        int with_scope = status(user_token(scope));
        EXPECT_NE(with_scope, 401) << scope;
        EXPECT_NE(with_scope, 403) << scope;
        EXPECT_LT(with_scope, 500) << scope;
      }
      // And the top-level scope covering a granular one is too.
      const auto& first = spec.scopes.front();
      if (first.starts_with("read:") || first.starts_with("write:")) {
        int covered = status(user_token(first.substr(0, first.find(':'))));
        EXPECT_NE(covered, 403);
        EXPECT_NE(covered, 401);
      }
    }
  }
}

}  // namespace
}  // namespace lox
