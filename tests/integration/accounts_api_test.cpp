// Registration and profiles through the Mastodon API, with the bad inputs the accounts issue
// names: each gets Mastodon's 4xx with per-field details and changes nothing.
#include "app_harness.hpp"

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

// An app token allowed to register accounts, as apps obtain one before their sign-up screen.
std::string app_token(AppHarness& h, const services::RegisteredApp& app) {
  auto res =
      h.request("POST", "/oauth/token", "",
                "grant_type=client_credentials&scope=read+write&client_id=" + app.app.client_id +
                    "&client_secret=" + app.client_secret);
  return json::parse(res->body)["access_token"];
}

std::string form(const std::string& username, const std::string& email,
                 const std::string& password = "a+long+password", bool agreement = true) {
  return "username=" + username + "&email=" + email + "&password=" + password +
         (agreement ? "&agreement=true" : "") + "&locale=en";
}

class AccountsApiTest : public ::testing::Test {
 protected:
  AccountsApiTest()
      : app_(h_.register_app("read write follow push")), token_(app_token(h_, app_)) {}
  long long accounts() { return h_.tdb.count("SELECT count(*) FROM accounts"); }

  AppHarness h_;
  services::RegisteredApp app_;
  std::string token_;
};

TEST_F(AccountsApiTest, RegistrationReturnsATokenForTheNewAccount) {
  auto res = h_.request("POST", "/api/v1/accounts", token_, form("newbie", "newbie%40example.com"));
  ASSERT_EQ(res->status, 200) << res->body;
  auto body = json::parse(res->body);
  EXPECT_EQ(body["token_type"], "Bearer");
  EXPECT_EQ(body["scope"], "read write follow push");  // the app's scopes
  auto me = h_.request("GET", "/api/v1/accounts/verify_credentials", body["access_token"]);
  ASSERT_EQ(me->status, 200) << me->body;
  auto account = json::parse(me->body);
  EXPECT_EQ(account["username"], "newbie");
  EXPECT_EQ(account["acct"], "newbie");
  EXPECT_EQ(account["url"], "https://social.example/@newbie");
  EXPECT_EQ(account["source"]["privacy"], "public");
  EXPECT_EQ(account["role"]["name"], "user");
  // The stored password is an Argon2id hash, never the password.
  EXPECT_EQ(h_.tdb.scalar("SELECT left(password_hash, 10) FROM users u JOIN accounts a ON "
                          "a.id = u.account_id WHERE a.username = 'newbie'"),
            "$argon2id$");
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM accounts WHERE username = 'newbie' AND "
                         "private_key_pem LIKE '-----BEGIN PRIVATE KEY-----%'"),
            1);
}

TEST_F(AccountsApiTest, DuplicateUsernameOrEmailIsRefusedWithDetails) {
  ASSERT_EQ(
      h_.request("POST", "/api/v1/accounts", token_, form("taken", "taken%40example.com"))->status,
      200);
  auto before = accounts();
  auto dup = h_.request("POST", "/api/v1/accounts", token_, form("TAKEN", "TAKEN%40example.com"));
  ASSERT_EQ(dup->status, 422) << dup->body;
  auto body = json::parse(dup->body);
  EXPECT_EQ(body["error"],
            "Validation failed: Username has already been taken, Email has already been taken");
  EXPECT_EQ(body["details"]["username"][0]["error"], "ERR_TAKEN");
  EXPECT_EQ(body["details"]["email"][0]["error"], "ERR_TAKEN");
  EXPECT_EQ(accounts(), before);
}

TEST_F(AccountsApiTest, InvalidRegistrationsChangeNothing) {
  struct Case {
    std::string body;
    std::string field;
    std::string code;
  };
  auto before = accounts();
  for (const Case& c : std::vector<Case>{
           {form("bad-name", "a%40example.com"), "username", "ERR_INVALID"},
           {form("admin", "a%40example.com"), "username", "ERR_RESERVED"},
           {form(std::string(31, 'a'), "a%40example.com"), "username", "ERR_INVALID"},
           {form("%C3%A9l%C3%A9", "a%40example.com"), "username", "ERR_INVALID"},
           {form("okname", "not-an-email"), "email", "ERR_INVALID"},
           {form("okname", "a%40example.com", "short"), "password", "ERR_TOO_SHORT"},
           {form("okname", "a%40example.com", std::string(73, 'p')), "password", "ERR_TOO_LONG"},
           {form("okname", "a%40example.com", "pass%FFword%FF%FF"), "password", "ERR_INVALID"},
           {form("okname", "a%40example.com", "a+long+password", false), "agreement",
            "ERR_ACCEPTED"},
           {form("okname", "%FF%40example.com"), "email", "ERR_INVALID"},
       }) {
    auto res = h_.request("POST", "/api/v1/accounts", token_, c.body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 422) << c.body << " " << res->body;
    auto body = json::parse(res->body);
    ASSERT_TRUE(body["details"].contains(c.field)) << c.body << " " << res->body;
    EXPECT_EQ(body["details"][c.field][0]["error"], c.code) << c.body;
  }
  EXPECT_EQ(accounts(), before);
}

TEST_F(AccountsApiTest, ClosedAndApprovalModes) {
  AppHarness closed(config::Environment{{"LOXODON_INSTANCE_REGISTRATIONS", "closed"}});
  auto closed_app = closed.register_app("read write");
  auto refused = closed.request("POST", "/api/v1/accounts", app_token(closed, closed_app),
                                form("someone", "s%40example.com"));
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(closed.tdb.count("SELECT count(*) FROM accounts"), 0);

  AppHarness approval(config::Environment{{"LOXODON_INSTANCE_REGISTRATIONS", "approval"}});
  auto a = approval.register_app("read write");
  std::string t = app_token(approval, a);
  auto no_reason =
      approval.request("POST", "/api/v1/accounts", t, form("hopeful", "h%40example.com"));
  EXPECT_EQ(no_reason->status, 422);
  EXPECT_EQ(json::parse(no_reason->body)["details"]["reason"][0]["error"], "ERR_BLANK");
  auto ok = approval.request("POST", "/api/v1/accounts", t,
                             form("hopeful", "h%40example.com") + "&reason=I+like+elephants");
  ASSERT_EQ(ok->status, 200) << ok->body;
  std::string user_token = json::parse(ok->body)["access_token"];
  auto pending = approval.request("GET", "/api/v1/accounts/verify_credentials", user_token);
  EXPECT_EQ(pending->status, 403);
  EXPECT_EQ(json::parse(pending->body)["error"], "Your login is currently pending approval");
  testing::run_awaitable(approval.services.accounts.approve("hopeful"));
  EXPECT_EQ(approval.request("GET", "/api/v1/accounts/verify_credentials", user_token)->status,
            200);
}

TEST_F(AccountsApiTest, InviteLinksOpenClosedRegistrations) {
  AppHarness closed(config::Environment{{"LOXODON_INSTANCE_REGISTRATIONS", "closed"}});
  auto a = closed.register_app("read write");
  std::string code =
      testing::run_awaitable(closed.services.accounts.create_invite(std::nullopt, 1, std::nullopt));
  std::string t = app_token(closed, a);
  auto ok = closed.request("POST", "/api/v1/accounts", t,
                           form("invited", "i%40example.com") + "&invite_code=" + code);
  ASSERT_EQ(ok->status, 200) << ok->body;
  auto used_up = closed.request("POST", "/api/v1/accounts", t,
                                form("second", "s%40example.com") + "&invite_code=" + code);
  EXPECT_EQ(used_up->status, 403);
}

TEST_F(AccountsApiTest, SignUpsPerAddressAreLimited) {
  AppHarness limited(config::Environment{{"LOXODON_RATE_LIMITS_EXEMPT_LOOPBACK", "false"},
                                         {"LOXODON_RATE_LIMITS_SIGN_UPS_PER_IP", "2"}});
  auto a = limited.register_app("read write");
  std::string t = app_token(limited, a);
  for (int i = 0; i < 2; ++i) {
    auto res = limited.request(
        "POST", "/api/v1/accounts", t,
        form("user" + std::to_string(i), "u" + std::to_string(i) + "%40example.com"));
    ASSERT_EQ(res->status, 200) << res->body;
  }
  auto third = limited.request("POST", "/api/v1/accounts", t, form("user3", "u3%40example.com"));
  EXPECT_EQ(third->status, 429);
  EXPECT_EQ(json::parse(third->body)["error"], "Too many requests");
  EXPECT_EQ(limited.tdb.count("SELECT count(*) FROM accounts"), 2);
}

TEST_F(AccountsApiTest, ProfileUpdatesAcceptFormJsonAndIndexedFields) {
  auto alice = h_.create_user("alice");
  std::string t = h_.token_for(alice, "read write");
  auto res = h_.request(
      "PATCH", "/api/v1/accounts/update_credentials", t,
      "display_name=Alice+%F0%9F%90%98&note=Hi+%3Cb%3Ethere%3C%2Fb%3E%0A%0ABye"
      "&locked=true&bot=1&source[privacy]=unlisted&source[language]=de"
      "&fields_attributes[0][name]=Web&fields_attributes[0][value]=https%3A%2F%2Fa.example"
      "&fields_attributes[1][name]=Pronouns&fields_attributes[1][value]=she%2Fher");
  ASSERT_EQ(res->status, 200) << res->body;
  auto body = json::parse(res->body);
  EXPECT_EQ(body["display_name"], "Alice 🐘");
  EXPECT_EQ(body["note"], "<p>Hi &lt;b&gt;there&lt;/b&gt;</p><p>Bye</p>");
  EXPECT_EQ(body["source"]["note"], "Hi <b>there</b>\n\nBye");
  EXPECT_EQ(body["locked"], true);
  EXPECT_EQ(body["bot"], true);
  EXPECT_EQ(body["source"]["privacy"], "unlisted");
  EXPECT_EQ(body["source"]["language"], "de");
  ASSERT_EQ(body["fields"].size(), 2u);
  EXPECT_EQ(body["fields"][1]["value"], "she/her");

  json update = {{"display_name", "Al"},
                 {"fields_attributes", json::array({{{"name", "Only"}, {"value", "one"}}})}};
  res = h_.request("PATCH", "/api/v1/accounts/update_credentials", t, update.dump(),
                   "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(json::parse(res->body)["fields"].size(), 1u);
  auto prefs = h_.request("GET", "/api/v1/preferences", t);
  EXPECT_EQ(json::parse(prefs->body)["posting:default:visibility"], "unlisted");
}

TEST_F(AccountsApiTest, OverlongOrInvalidProfileInputChangesNothing) {
  auto alice = h_.create_user("alice");
  std::string t = h_.token_for(alice, "read write");
  std::string five_fields;
  for (int i = 0; i < 5; ++i) {
    five_fields += "&fields_attributes[" + std::to_string(i) + "][name]=n" + std::to_string(i) +
                   "&fields_attributes[" + std::to_string(i) + "][value]=v";
  }
  for (const std::string& bad :
       {"display_name=" + std::string(31, 'x'), "note=" + std::string(501, 'x'),
        "display_name=ok" + five_fields, "fields_attributes[0][name]=" + std::string(256, 'n'),
        std::string("display_name=bad%FFbytes"), std::string("note=%C0%AF"),
        std::string("source[privacy]=everyone")}) {
    auto res = h_.request("PATCH", "/api/v1/accounts/update_credentials", t, bad);
    EXPECT_EQ(res->status, 422) << bad.substr(0, 60) << " " << res->body;
  }
  EXPECT_EQ(
      h_.tdb.scalar(
          "SELECT display_name || note || fields::text FROM accounts WHERE username = 'alice'"),
      "[]");
}

TEST_F(AccountsApiTest, LookupShowAndRelationships) {
  auto alice = h_.create_user("alice");
  auto bob = h_.create_user("bob");
  std::string t = h_.token_for(alice, "read");
  auto found = h_.request("GET", "/api/v1/accounts/lookup?acct=bob");
  ASSERT_EQ(found->status, 200);
  EXPECT_EQ(json::parse(found->body)["id"], std::to_string(bob.account.id));
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/lookup?acct=bob%40social.example")->status, 200);
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/lookup?acct=nobody")->status, 404);
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/lookup")->status, 400);
  auto shown = h_.request("GET", "/api/v1/accounts/" + std::to_string(bob.account.id));
  ASSERT_EQ(shown->status, 200);
  auto account = json::parse(shown->body);
  for (const char* key : {"id",
                          "username",
                          "acct",
                          "url",
                          "uri",
                          "display_name",
                          "note",
                          "avatar",
                          "avatar_static",
                          "header",
                          "header_static",
                          "locked",
                          "fields",
                          "emojis",
                          "bot",
                          "group",
                          "discoverable",
                          "indexable",
                          "hide_collections",
                          "created_at",
                          "last_status_at",
                          "statuses_count",
                          "followers_count",
                          "following_count",
                          "roles"}) {
    EXPECT_TRUE(account.contains(key)) << key;
  }
  EXPECT_FALSE(account.contains("source"));
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/12345")->status, 404);
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/not-a-number")->status, 404);
  auto rel = h_.request(
      "GET", "/api/v1/accounts/relationships?id[]=" + std::to_string(bob.account.id) + "&id[]=999",
      t);
  ASSERT_EQ(rel->status, 200);
  auto list = json::parse(rel->body);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["following"], false);
  EXPECT_EQ(
      h_.request("GET", "/api/v1/accounts/" + std::to_string(bob.account.id) + "/statuses")->body,
      "[]");
}

TEST_F(AccountsApiTest, RateLimitHeadersAndRefusal) {
  AppHarness limited(config::Environment{{"LOXODON_RATE_LIMITS_EXEMPT_LOOPBACK", "false"},
                                         {"LOXODON_RATE_LIMITS_REQUESTS_PER_WINDOW", "3"}});
  auto alice = limited.create_user("alice");
  std::string t = limited.token_for(alice, "read");
  auto first = limited.request("GET", "/api/v1/preferences", t);
  EXPECT_EQ(first->header("x-ratelimit-limit"), "3");
  EXPECT_EQ(first->header("x-ratelimit-remaining"), "2");
  EXPECT_TRUE(first->header("x-ratelimit-reset").ends_with("000Z"));
  limited.request("GET", "/api/v1/preferences", t);
  limited.request("GET", "/api/v1/preferences", t);
  auto refused = limited.request("GET", "/api/v1/preferences", t);
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(json::parse(refused->body)["error"], "Too many requests");
  // Loopback is exempt by default.
  auto bob = h_.create_user("bob");
  std::string bt = h_.token_for(bob, "read");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(h_.request("GET", "/api/v1/preferences", bt)->status, 200);
}

TEST_F(AccountsApiTest, SuspendedAccountsLoseAccessAndVanish) {
  auto bob = h_.create_user("bob");
  std::string t = h_.token_for(bob, "read");
  testing::run_awaitable(h_.services.accounts.set_suspended("bob", true));
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/verify_credentials", t)->status, 401);
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/" + std::to_string(bob.account.id))->status, 404);
}

TEST_F(AccountsApiTest, DeletedAccountsKeepTheirNameAndLoseAllAccess) {
  auto erin = h_.create_user("erin");
  std::string t = h_.token_for(erin, "read");
  testing::run_awaitable(
      h_.services.accounts.delete_account(erin.user.id, "correct horse battery"));
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/verify_credentials", t)->status, 401);
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/" + std::to_string(erin.account.id))->status, 404);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM users"), 0);
  // The name (and so the URI other servers know) is never handed to someone else.
  auto again = h_.request("POST", "/api/v1/accounts", token_, form("erin", "erin2%40example.com"));
  EXPECT_EQ(again->status, 422);
  EXPECT_EQ(json::parse(again->body)["details"]["username"][0]["error"], "ERR_TAKEN");
}

TEST_F(AccountsApiTest, ThrottlingDoesNotRevealWhetherAnAccountExists) {
  AppHarness limited(config::Environment{{"LOXODON_RATE_LIMITS_EXEMPT_LOOPBACK", "false"},
                                         {"LOXODON_RATE_LIMITS_FAILED_LOGINS_PER_ACCOUNT", "2"}});
  limited.create_user("dana");
  auto a = limited.register_app("read");
  auto statuses = [&](const std::string& login) {
    std::vector<int> out;
    for (int i = 0; i < 3; ++i) {
      out.push_back(limited
                        .request("POST", "/oauth/token", "",
                                 "grant_type=password&username=" + login + "&password=wrong" +
                                     "&client_id=" + a.app.client_id +
                                     "&client_secret=" + a.client_secret)
                        ->status);
    }
    return out;
  };
  EXPECT_EQ(statuses("dana"), statuses("nobody_here"));
}

TEST_F(AccountsApiTest, FailedSignInsAreThrottledPerAccount) {
  AppHarness limited(config::Environment{{"LOXODON_RATE_LIMITS_EXEMPT_LOOPBACK", "false"},
                                         {"LOXODON_RATE_LIMITS_FAILED_LOGINS_PER_ACCOUNT", "3"}});
  limited.create_user("carol");
  auto a = limited.register_app("read");
  auto attempt = [&](const std::string& password) {
    return limited.request("POST", "/oauth/token", "",
                           "grant_type=password&username=carol&password=" + password +
                               "&client_id=" + a.app.client_id +
                               "&client_secret=" + a.client_secret);
  };
  for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt("guess" + std::to_string(i))->status, 400);
  // Now even the right password is refused until the window passes.
  auto blocked = attempt("correct+horse+battery");
  EXPECT_EQ(blocked->status, 429) << blocked->body;
}

}  // namespace
}  // namespace lox
