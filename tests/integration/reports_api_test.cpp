// Reports through the Mastodon API: a person reports an account and its statuses, bad inputs
// are refused and store nothing, and only staff see, resolve and reopen the queue.
#include "app_harness.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

class ReportsApiTest : public ::testing::Test {
 protected:
  ReportsApiTest()
      : alice_(h_.create_user("alice")),
        bob_(h_.create_user("bob")),
        mod_(h_.create_user("carol", "moderator")),
        alice_token_(h_.token_for(alice_, "read write")),
        bob_token_(h_.token_for(bob_, "read write admin:read admin:write")),
        mod_token_(h_.token_for(mod_, "read write admin:read admin:write")) {}

  std::string post(const std::string& token, const std::string& text,
                   const std::string& visibility = "public") {
    auto res = h_.request("POST", "/api/v1/statuses", token,
                          "status=" + text + "&visibility=" + visibility);
    return json::parse(res->body)["id"];
  }
  long long reports() { return h_.tdb.count("SELECT count(*) FROM reports"); }

  AppHarness h_;
  domain::UserWithAccount alice_, bob_, mod_;
  std::string alice_token_, bob_token_, mod_token_;
};

TEST_F(ReportsApiTest, APersonReportsAnAccountAndItsStatuses) {
  std::string status = post(bob_token_, "spam+spam+spam");
  const std::string bob_id = std::to_string(bob_.account.id);
  auto res = h_.request("POST", "/api/v1/reports", alice_token_,
                        "account_id=" + bob_id + "&status_ids[]=" + status +
                            "&comment=Selling+things&category=spam&forward=false");
  ASSERT_EQ(res->status, 200) << res->body;
  auto report = json::parse(res->body);
  EXPECT_EQ(report["target_account"]["id"], bob_id);
  EXPECT_EQ(report["status_ids"], json::array({status}));
  EXPECT_EQ(report["comment"], "Selling things");
  EXPECT_EQ(report["category"], "spam");
  EXPECT_EQ(report["action_taken"], false);
  EXPECT_EQ(report["forwarded"], false);
  EXPECT_EQ(reports(), 1);
}

TEST_F(ReportsApiTest, BadInputIsRefusedAndStoresNothing) {
  const std::string bob_id = std::to_string(bob_.account.id);
  std::string other = post(alice_token_, "mine");
  std::string hidden = post(bob_token_, "followers+only", "private");
  struct Case {
    std::string body;
    int status;
  };
  for (const auto& c : std::vector<Case>{
           {"comment=no+account", 422},
           {"account_id=12345", 404},
           {"account_id=" + bob_id + "&status_ids[]=" + other, 404},   // not bob's
           {"account_id=" + bob_id + "&status_ids[]=" + hidden, 404},  // not visible to alice
           {"account_id=" + bob_id + "&category=nonsense", 422},
           {"account_id=" + bob_id + "&comment=" + std::string(1001, 'x'), 422},
       }) {
    auto res = h_.request("POST", "/api/v1/reports", alice_token_, c.body);
    EXPECT_EQ(res->status, c.status) << c.body.substr(0, 80) << " " << res->body;
  }
  EXPECT_EQ(reports(), 0);
}

TEST_F(ReportsApiTest, OnlyStaffSeeResolveAndReopenTheQueue) {
  std::string status = post(bob_token_, "rude");
  auto made = h_.request("POST", "/api/v1/reports", alice_token_,
                         "account_id=" + std::to_string(bob_.account.id) +
                             "&status_ids[]=" + status + "&comment=rude");
  ASSERT_EQ(made->status, 200);
  std::string id = json::parse(made->body)["id"];

  // A token with admin scopes is not enough without a staff role.
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/reports", bob_token_)->status, 403);
  EXPECT_EQ(h_.request("POST", "/api/v1/admin/reports/" + id + "/resolve", bob_token_)->status,
            403);

  auto list = h_.request("GET", "/api/v1/admin/reports", mod_token_);
  ASSERT_EQ(list->status, 200) << list->body;
  auto open = json::parse(list->body);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0]["id"], id);
  EXPECT_EQ(open[0]["account"]["username"], "alice");
  EXPECT_EQ(open[0]["account"]["email"], "alice@example.com");
  EXPECT_EQ(open[0]["target_account"]["account"]["acct"], "bob");
  ASSERT_EQ(open[0]["statuses"].size(), 1u);
  EXPECT_EQ(open[0]["statuses"][0]["id"], status);

  auto resolved = h_.request("POST", "/api/v1/admin/reports/" + id + "/resolve", mod_token_);
  ASSERT_EQ(resolved->status, 200) << resolved->body;
  EXPECT_EQ(json::parse(resolved->body)["action_taken"], true);
  EXPECT_EQ(json::parse(resolved->body)["action_taken_by_account"]["username"], "carol");
  EXPECT_TRUE(json::parse(h_.request("GET", "/api/v1/admin/reports", mod_token_)->body).empty());
  EXPECT_EQ(json::parse(h_.request("GET", "/api/v1/admin/reports?resolved=true", mod_token_)->body)
                .size(),
            1u);
  auto reopened = h_.request("POST", "/api/v1/admin/reports/" + id + "/reopen", mod_token_);
  EXPECT_EQ(json::parse(reopened->body)["action_taken"], false);
  EXPECT_EQ(h_.request("GET", "/api/v1/admin/reports/999", mod_token_)->status, 404);
}

}  // namespace
}  // namespace lox
