// OAuth 2 as Mastodon serves it, through the real HTTP stack, with every bad input the
// accounts issue names: each gets the RFC 6749 error and changes nothing.
#include "app_harness.hpp"

#include <loxodon/util/crypto.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

using lox::testing::AppHarness;
using nlohmann::json;

class OAuthTest : public ::testing::Test {
 protected:
  OAuthTest() : alice_(h_.create_user("alice")), app_(h_.register_app("read write follow push")) {}

  // An authorization code as the consent page would issue it.
  std::string code(const std::string& scope = "read write", const std::string& challenge = "",
                   const std::string& redirect = "https://app.example/cb") {
    services::AuthorizationRequest r{"code", app_.app.client_id, redirect,
                                     scope,  challenge,          challenge.empty() ? "" : "S256"};
    auto v = testing::run_awaitable(h_.services.auth.validate_authorization(r));
    return testing::run_awaitable(h_.services.auth.issue_code(v, alice_.user.id));
  }
  std::optional<testing::RawResponse> token(const std::string& form) {
    return h_.request("POST", "/oauth/token", "", form);
  }
  std::string exchange_form(const std::string& code, const std::string& extra = "") {
    return "grant_type=authorization_code&code=" + code + "&client_id=" + app_.app.client_id +
           "&client_secret=" + app_.client_secret + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb" +
           extra;
  }
  static void expect_oauth_error(const std::optional<testing::RawResponse>& res, int status,
                                 const std::string& error) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    auto body = json::parse(res->body);
    EXPECT_EQ(body["error"], error) << res->body;
    EXPECT_TRUE(body["error_description"].is_string());
  }
  long long tokens() { return h_.tdb.count("SELECT count(*) FROM oauth_access_tokens"); }

  AppHarness h_;
  domain::UserWithAccount alice_;
  services::RegisteredApp app_;
};

TEST_F(OAuthTest, AuthorizationCodeExchangeIssuesAWorkingToken) {
  auto res = token(exchange_form(code()));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->header("cache-control"), "no-store");
  auto body = json::parse(res->body);
  EXPECT_EQ(body["token_type"], "Bearer");
  EXPECT_EQ(body["scope"], "read write");
  EXPECT_TRUE(body["created_at"].is_number_integer());
  auto me = h_.request("GET", "/api/v1/accounts/verify_credentials", body["access_token"]);
  ASSERT_EQ(me->status, 200);
  EXPECT_EQ(json::parse(me->body)["username"], "alice");
  // Only hashes are stored.
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM oauth_access_tokens WHERE token_hash = '" +
                         std::string(body["access_token"]) + "'"),
            0);
}

TEST_F(OAuthTest, ClientMayAuthenticateWithHttpBasicAndJsonBody) {
  std::string basic = "Basic " + [&] {
    std::string raw = app_.app.client_id + ":" + app_.client_secret;
    std::string out;
    static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t i = 0;
    for (; i + 2 < raw.size(); i += 3) {
      unsigned v = (static_cast<unsigned char>(raw[i]) << 16) |
                   (static_cast<unsigned char>(raw[i + 1]) << 8) |
                   static_cast<unsigned char>(raw[i + 2]);
      out += {t[v >> 18], t[(v >> 12) & 63], t[(v >> 6) & 63], t[v & 63]};
    }
    if (i + 1 == raw.size()) {
      unsigned v = static_cast<unsigned char>(raw[i]) << 16;
      out += {t[v >> 18], t[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == raw.size()) {
      unsigned v = (static_cast<unsigned char>(raw[i]) << 16) |
                   (static_cast<unsigned char>(raw[i + 1]) << 8);
      out += {t[v >> 18], t[(v >> 12) & 63], t[(v >> 6) & 63], '='};
    }
    return out;
  }();
  json body = {{"grant_type", "authorization_code"},
               {"code", code()},
               {"redirect_uri", "https://app.example/cb"}};
  auto res = testing::http_request(
      h_.port(), "POST", "/oauth/token",
      "Authorization: " + basic + "\r\nContent-Type: application/json\r\n", body.dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST_F(OAuthTest, UnknownClientOrWrongSecretIsInvalidClient) {
  auto before = tokens();
  expect_oauth_error(token("grant_type=client_credentials&client_id=nobody&client_secret=x"), 401,
                     "invalid_client");
  expect_oauth_error(token("grant_type=client_credentials&client_id=" + app_.app.client_id +
                           "&client_secret=wrong"),
                     401, "invalid_client");
  // The authorization page shows the error instead of redirecting anywhere.
  auto page = h_.request(
      "GET",
      "/oauth/"
      "authorize?response_type=code&client_id=nobody&redirect_uri=https%3A%2F%2Fevil.example%2F");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 401);
  EXPECT_EQ(page->header("location"), "");
  EXPECT_EQ(tokens(), before);
}

TEST_F(OAuthTest, MismatchedRedirectUriIsRefused) {
  auto page =
      h_.request("GET", "/oauth/authorize?response_type=code&client_id=" + app_.app.client_id +
                            "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 400);
  EXPECT_EQ(page->header("location"), "");  // never redirect to an unregistered URI
  EXPECT_NE(page->body.find("redirect uri"), std::string::npos);
  auto before = tokens();
  std::string c = code();
  expect_oauth_error(token("grant_type=authorization_code&code=" + c + "&client_id=" +
                           app_.app.client_id + "&client_secret=" + app_.client_secret +
                           "&redirect_uri=https%3A%2F%2Fother.example%2F"),
                     400, "invalid_grant");
  EXPECT_EQ(tokens(), before);
}

TEST_F(OAuthTest, ReplayedCodeFailsAndRevokesWhatItIssued) {
  std::string c = code();
  auto first = token(exchange_form(c));
  ASSERT_EQ(first->status, 200);
  std::string issued = json::parse(first->body)["access_token"];
  expect_oauth_error(token(exchange_form(c)), 400, "invalid_grant");
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/verify_credentials", issued)->status, 401);
}

TEST_F(OAuthTest, ExpiredCodeIsInvalidGrant) {
  std::string c = code();
  h_.tdb.query("UPDATE oauth_access_grants SET expires_at = now() - interval '1 minute'");
  auto before = tokens();
  expect_oauth_error(token(exchange_form(c)), 400, "invalid_grant");
  EXPECT_EQ(tokens(), before);
}

TEST_F(OAuthTest, CodeIssuedToAnotherClientIsInvalidGrant) {
  std::string c = code();
  auto other = h_.register_app("read write");
  expect_oauth_error(token("grant_type=authorization_code&code=" + c + "&client_id=" +
                           other.app.client_id + "&client_secret=" + other.client_secret +
                           "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb"),
                     400, "invalid_grant");
}

TEST_F(OAuthTest, PkceVerifierMustMatchTheChallenge) {
  std::string verifier = random_token() + random_token();
  std::string challenge = base64url_encode(sha256(verifier));
  std::string c1 = code("read", challenge);
  expect_oauth_error(token(exchange_form(c1, "&code_verifier=not-the-verifier")), 400,
                     "invalid_grant");
  std::string c2 = code("read", challenge);
  expect_oauth_error(token(exchange_form(c2)), 400, "invalid_grant");  // no verifier at all
  std::string c3 = code("read", challenge);
  auto ok = token(exchange_form(c3, "&code_verifier=" + verifier));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  // Only S256: "plain" would let an intercepted challenge be replayed as the verifier.
  auto plain =
      h_.request("GET", "/oauth/authorize?response_type=code&client_id=" + app_.app.client_id +
                            "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&code_challenge=abc"
                            "&code_challenge_method=plain&state=s1");
  EXPECT_EQ(plain->status, 302);
  EXPECT_NE(plain->header("location").find("error=invalid_request"), std::string::npos);
  EXPECT_NE(plain->header("location").find("state=s1"), std::string::npos);
}

TEST_F(OAuthTest, ErrorsGoToTheRegisteredUriWhenTheRequestOmitsIt) {
  auto page = h_.request(
      "GET", "/oauth/authorize?response_type=token&client_id=" + app_.app.client_id + "&state=q");
  ASSERT_EQ(page->status, 302);
  EXPECT_TRUE(page->header("location")
                  .starts_with("https://app.example/cb?error=unsupported_response_type"))
      << page->header("location");
}

TEST_F(OAuthTest, ScopeEscalationIsRefusedEverywhere) {
  auto narrow = h_.register_app("read");
  auto page = h_.request(
      "GET", "/oauth/authorize?response_type=code&client_id=" + narrow.app.client_id +
                 "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=read+write&state=xyz");
  ASSERT_EQ(page->status, 302);
  EXPECT_EQ(
      page->header("location"),
      "https://app.example/cb?error=invalid_scope&error_description=The%20requested%20scope%20is%20"
      "invalid%2C%20unknown%2C%20or%20malformed.&state=xyz");
  expect_oauth_error(token("grant_type=client_credentials&scope=read+write&client_id=" +
                           narrow.app.client_id + "&client_secret=" + narrow.client_secret),
                     400, "invalid_scope");
  expect_oauth_error(
      token("grant_type=password&username=alice&password=correct+horse+battery&scope=admin%3Aread"
            "&client_id=" +
            app_.app.client_id + "&client_secret=" + app_.client_secret),
      400, "invalid_scope");
  std::string read_only = h_.token_for(alice_, "read");
  auto write =
      h_.request("PATCH", "/api/v1/accounts/update_credentials", read_only, "display_name=x");
  ASSERT_EQ(write->status, 403);
  EXPECT_EQ(json::parse(write->body)["error"], "This action is outside the authorized scopes");
  EXPECT_EQ(alice_.account.display_name, "");
  EXPECT_EQ(h_.tdb.scalar("SELECT display_name FROM accounts WHERE username = 'alice'"), "");
}

TEST_F(OAuthTest, RevokedTokenIsRejectedAndOnlyItsClientMayRevokeIt) {
  auto res = token(
      "grant_type=password&username=alice%40example.com&password=correct+horse+battery&scope=read"
      "&client_id=" +
      app_.app.client_id + "&client_secret=" + app_.client_secret);
  ASSERT_EQ(res->status, 200) << res->body;
  std::string t = json::parse(res->body)["access_token"];
  auto other = h_.register_app("read");
  auto refused = h_.request(
      "POST", "/oauth/revoke", "",
      "token=" + t + "&client_id=" + other.app.client_id + "&client_secret=" + other.client_secret);
  expect_oauth_error(refused, 403, "unauthorized_client");
  EXPECT_EQ(h_.request("GET", "/api/v1/accounts/verify_credentials", t)->status, 200);
  auto revoked = h_.request(
      "POST", "/oauth/revoke", "",
      "token=" + t + "&client_id=" + app_.app.client_id + "&client_secret=" + app_.client_secret);
  ASSERT_EQ(revoked->status, 200);
  EXPECT_EQ(revoked->body, "{}");
  auto after = h_.request("GET", "/api/v1/accounts/verify_credentials", t);
  EXPECT_EQ(after->status, 401);
  EXPECT_EQ(json::parse(after->body)["error"], "The access token is invalid");
  // Even a public endpoint refuses a dead token: apps use the 401 to log out.
  EXPECT_EQ(h_.request("GET", "/api/v1/custom_emojis", t)->status, 401);
}

TEST_F(OAuthTest, WrongPasswordIsInvalidGrantAndIssuesNothing) {
  auto before = tokens();
  expect_oauth_error(token("grant_type=password&username=alice&password=wrong+password"
                           "&client_id=" +
                           app_.app.client_id + "&client_secret=" + app_.client_secret),
                     400, "invalid_grant");
  expect_oauth_error(token("grant_type=password&username=nobody&password=wrong+password"
                           "&client_id=" +
                           app_.app.client_id + "&client_secret=" + app_.client_secret),
                     400, "invalid_grant");
  EXPECT_EQ(tokens(), before);
}

TEST_F(OAuthTest, UnsupportedGrantTypes) {
  expect_oauth_error(token("grant_type=refresh_token&client_id=" + app_.app.client_id +
                           "&client_secret=" + app_.client_secret),
                     400, "unsupported_grant_type");
  AppHarness no_password(config::Environment{{"LOXODON_OAUTH_PASSWORD_GRANT", "false"}});
  auto a = no_password.register_app("read");
  no_password.create_user("bob");
  auto res = no_password.request("POST", "/oauth/token", "",
                                 "grant_type=password&username=bob&password=correct+horse+battery"
                                 "&client_id=" +
                                     a.app.client_id + "&client_secret=" + a.client_secret);
  expect_oauth_error(res, 400, "unsupported_grant_type");
}

TEST_F(OAuthTest, AppRegistrationAcceptsCustomSchemesAndRejectsBadInput) {
  auto tusky =
      h_.request("POST", "/api/v1/apps", "",
                 "client_name=Tusky&redirect_uris=oauth2redirect%3A%2F%2Fcom.keylesspalace.tusky%2F"
                 "&scopes=read+write+follow+push&website=https%3A%2F%2Ftusky.app");
  ASSERT_EQ(tusky->status, 200) << tusky->body;
  auto app = json::parse(tusky->body);
  EXPECT_EQ(app["redirect_uri"], "oauth2redirect://com.keylesspalace.tusky/");
  EXPECT_EQ(app["scopes"], json({"read", "write", "follow", "push"}));
  EXPECT_TRUE(app["client_secret"].is_string());
  EXPECT_EQ(app["client_secret_expires_at"], 0);
  auto ivory =
      h_.request("POST", "/api/v1/apps", "",
                 json{{"client_name", "Ivory"},
                      {"redirect_uris", json::array({"com.tapbots.Ivory.10217:/request_token"})}}
                     .dump(),
                 "application/json");
  EXPECT_EQ(ivory->status, 200) << ivory->body;
  auto before = h_.tdb.count("SELECT count(*) FROM oauth_applications");
  for (std::string bad :
       {"client_name=&redirect_uris=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob",
        "client_name=x&redirect_uris=not+a+uri",
        "client_name=x&redirect_uris=https%3A%2F%2Fa.example%2F%23frag",
        "client_name=x&redirect_uris=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scopes=read+destroy",
        "client_name=x"}) {
    auto res = h_.request("POST", "/api/v1/apps", "", bad);
    EXPECT_EQ(res->status, 422) << bad << " " << res->body;
    EXPECT_TRUE(json::parse(res->body).contains("error"));
  }
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM oauth_applications"), before);
}

TEST_F(OAuthTest, AppTokenVerifiesItsApplication) {
  auto res = token("grant_type=client_credentials&client_id=" + app_.app.client_id +
                   "&client_secret=" + app_.client_secret);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["scope"], "read");  // the default scope
  auto verify =
      h_.request("GET", "/api/v1/apps/verify_credentials", json::parse(res->body)["access_token"]);
  ASSERT_EQ(verify->status, 200);
  EXPECT_EQ(json::parse(verify->body)["name"], "Test App");
  EXPECT_FALSE(json::parse(verify->body).contains("client_secret"));
  // An app token is not a user: user endpoints say so.
  auto me = h_.request("GET", "/api/v1/accounts/verify_credentials",
                       json::parse(res->body)["access_token"]);
  EXPECT_EQ(me->status, 422);
}

// Every API request authenticates in one statement; the last-used and last-active times are
// written only when the hour since the last write is up.
TEST_F(OAuthTest, BearerTouchesAreWrittenAtMostHourly) {
  const std::string bearer = h_.token_for(alice_, "read");
  const std::string token_row =
      "oauth_access_tokens WHERE token_hash = '" + sha256_hex(bearer) + "'";
  const std::string account_row = "accounts WHERE id = " + std::to_string(alice_.account.id);
  auto verify = [&] { return h_.request("GET", "/api/v1/accounts/verify_credentials", bearer); };
  // Moves both times back by `age`.
  auto age_touches = [&](const std::string& age) {
    h_.tdb.query("UPDATE oauth_access_tokens SET last_used_at = now() - interval '" + age +
                 "' WHERE " + token_row.substr(token_row.find("token_hash")));
    h_.tdb.query("UPDATE accounts SET last_active_at = now() - interval '" + age + "' WHERE " +
                 account_row.substr(account_row.find("id =")));
  };
  // Whether both times satisfy `condition` (for example "> now() - interval '1 minute'").
  auto touched = [&](const std::string& condition) {
    return h_.tdb.count("SELECT count(*) FROM " + token_row + " AND last_used_at " + condition) +
           h_.tdb.count("SELECT count(*) FROM " + account_row + " AND last_active_at " + condition);
  };

  ASSERT_EQ(verify()->status, 200);
  EXPECT_EQ(touched("> now() - interval '1 minute'"), 2);
  age_touches("30 minutes");  // within the hour: nothing is written again
  ASSERT_EQ(verify()->status, 200);
  EXPECT_EQ(touched("< now() - interval '29 minutes'"), 2);
  age_touches("2 hours");  // after it: both are written once more
  ASSERT_EQ(verify()->status, 200);
  EXPECT_EQ(touched("> now() - interval '1 minute'"), 2);
}

TEST_F(OAuthTest, DiscoveryDocument) {
  auto res = h_.request("GET", "/.well-known/oauth-authorization-server");
  ASSERT_EQ(res->status, 200);
  auto doc = json::parse(res->body);
  EXPECT_EQ(doc["token_endpoint"], "https://social.example/oauth/token");
  EXPECT_EQ(doc["code_challenge_methods_supported"], json({"S256"}));
  EXPECT_EQ(doc["scopes_supported"].size(), domain::all_scopes().size());
}

}  // namespace
}  // namespace lox
