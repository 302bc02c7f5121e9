#include "raw_http.hpp"
#include "running_server.hpp"
#include "test_database.hpp"

#include <loxodon/api/activitypub/discovery_api.hpp>
#include <loxodon/api/mastodon/instance_api.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/instance/health_service.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>
#include <loxodon/services/instance/instance_service.hpp>
#include <loxodon/web/ops_routes.hpp>

#include <gtest/gtest.h>

namespace lox::api {
namespace {

using lox::testing::http_request;
using lox::testing::RunningServer;
using lox::testing::TestDatabase;
using nlohmann::json;

class InstanceApiTest : public ::testing::Test {
 protected:
  InstanceApiTest()
      : config_(config::load_config(std::nullopt,
                                    {{"LOXODON_DATABASE_URL", tdb_.url()},
                                     {"LOXODON_DOMAIN", "social.example"},
                                     {"LOXODON_INSTANCE_TITLE", "Elephant Club"},
                                     {"LOXODON_INSTANCE_CONTACT_EMAIL", "admin@social.example"},
                                     {"LOXODON_INSTANCE_REGISTRATIONS", "approval"},
                                     {"LOXODON_INSTANCE_LANGUAGES", "en,de"}},
                                    config::Requirement::kServe)),
        db_(lox::testing::pool_options(tdb_.url(), 2)),
        instance_(db_, std::chrono::seconds(0)),
        health_(db_) {
    tdb_.query(
        "INSERT INTO accounts (id, username, last_active_at) VALUES "
        "(1, 'alice', now()), (2, 'bob', now() - interval '90 days')");
    tdb_.query(
        "INSERT INTO accounts (id, username, domain) VALUES (3, 'carol', 'remote.example'),"
        " (4, 'dave', 'remote.example'), (5, 'erin', 'other.example')");
    tdb_.query(
        "INSERT INTO statuses (id, account_id, local) VALUES (10, 1, true), (11, 1, true),"
        " (12, 3, false)");
    tdb_.query(
        "INSERT INTO instance_rules (position, text, hint) VALUES (2, 'No spam', ''),"
        " (1, 'Be kind', 'Really')");
    secrets_ = db_.tx_sync(services::InstanceSecrets::load_or_create);
  }

  RunningServer start() {
    http::Router router;
    web::add_ops_routes(router, health_);
    mastodon_ = std::make_unique<mastodon::InstanceApi>(config_, instance_, secrets_);
    mastodon_->add_routes(router);
    discovery_ = std::make_unique<activitypub::DiscoveryApi>(config_, instance_);
    discovery_->add_routes(router);
    return RunningServer(std::move(router));
  }

  json get_json(unsigned short port, const std::string& path) {
    auto res = http_request(port, "GET", path);
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, 200) << path << " " << res->body;
    return json::parse(res->body);
  }

  TestDatabase tdb_;
  config::Config config_;
  db::Database db_;
  services::InstanceService instance_;
  services::HealthService health_;
  services::InstanceSecrets secrets_;
  std::unique_ptr<mastodon::InstanceApi> mastodon_;
  std::unique_ptr<activitypub::DiscoveryApi> discovery_;
};

TEST_F(InstanceApiTest, V1HasEveryFieldClientsRead) {
  auto server = start();
  json v1 = get_json(server.port(), "/api/v1/instance");
  EXPECT_EQ(v1["uri"], "social.example");
  EXPECT_EQ(v1["title"], "Elephant Club");
  EXPECT_EQ(v1["email"], "admin@social.example");
  EXPECT_EQ(v1["version"], "4.2.0+loxodon.0.1.0");
  EXPECT_EQ(v1["urls"]["streaming_api"], "wss://social.example");
  EXPECT_EQ(v1["stats"], (json{{"user_count", 2}, {"status_count", 2}, {"domain_count", 2}}));
  EXPECT_EQ(v1["languages"], (json{"en", "de"}));
  EXPECT_EQ(v1["registrations"], true);
  EXPECT_EQ(v1["approval_required"], true);
  EXPECT_EQ(v1["configuration"]["statuses"]["max_characters"], 500);
  EXPECT_EQ(v1["configuration"]["statuses"]["characters_reserved_per_url"], 23);
  EXPECT_TRUE(v1["configuration"]["media_attachments"]["supported_mime_types"].is_array());
  EXPECT_EQ(v1["configuration"]["polls"]["max_options"], 4);
  EXPECT_EQ(v1["configuration"]["accounts"]["max_featured_tags"], 10);
  ASSERT_EQ(v1["rules"].size(), 2u);
  EXPECT_EQ(v1["rules"][0]["text"], "Be kind");  // ordered by position
  EXPECT_TRUE(v1["rules"][0]["id"].is_string());
  EXPECT_TRUE(v1.contains("thumbnail"));
  EXPECT_TRUE(v1.contains("contact_account"));
}

TEST_F(InstanceApiTest, V2HasEveryDocumentedKey) {
  auto server = start();
  json v2 = get_json(server.port(), "/api/v2/instance");
  for (const char* key :
       {"domain", "title", "version", "source_url", "description", "usage", "thumbnail", "icon",
        "languages", "configuration", "registrations", "contact", "rules"}) {
    EXPECT_TRUE(v2.contains(key)) << key;
  }
  EXPECT_EQ(v2["domain"], "social.example");
  EXPECT_EQ(v2["usage"]["users"]["active_month"], 1);
  EXPECT_EQ(v2["thumbnail"]["url"], "https://social.example/thumbnail.png");
  EXPECT_EQ(v2["configuration"]["urls"]["streaming"], "wss://social.example");
  EXPECT_EQ(v2["configuration"]["vapid"]["public_key"], secrets_.vapid_public_key);
  EXPECT_EQ(v2["configuration"]["accounts"]["max_pinned_statuses"], 5);
  EXPECT_EQ(v2["configuration"]["translation"]["enabled"], false);
  EXPECT_EQ(v2["registrations"]["enabled"], true);
  EXPECT_EQ(v2["registrations"]["approval_required"], true);
  EXPECT_EQ(v2["contact"]["email"], "admin@social.example");
  EXPECT_EQ(get_json(server.port(), "/api/v1/instance/rules").size(), 2u);
  // The seeded remote accounts' servers, by host name.
  EXPECT_EQ(get_json(server.port(), "/api/v1/instance/peers"),
            json::array({"other.example", "remote.example"}));
}

TEST_F(InstanceApiTest, SecretsAreGeneratedOnceAndShared) {
  auto again = db_.tx_sync(services::InstanceSecrets::load_or_create);
  EXPECT_EQ(again.vapid_public_key, secrets_.vapid_public_key);
  EXPECT_EQ(again.actor_public_key_pem, secrets_.actor_public_key_pem);
  EXPECT_EQ(again.session_secret, secrets_.session_secret);
  EXPECT_EQ(secrets_.session_secret.size(), 64u);
  EXPECT_NE(secrets_.actor_private_key_pem.find("PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(tdb_.count("SELECT count(*) FROM instance_secrets"), 5);
}

TEST_F(InstanceApiTest, NodeInfoAndHostMeta) {
  auto server = start();
  json links = get_json(server.port(), "/.well-known/nodeinfo");
  ASSERT_EQ(links["links"].size(), 2u);
  EXPECT_EQ(links["links"][0]["rel"], "http://nodeinfo.diaspora.software/ns/schema/2.0");
  EXPECT_EQ(links["links"][0]["href"], "https://social.example/nodeinfo/2.0");
  for (const char* v : {"2.0", "2.1"}) {
    json ni = get_json(server.port(), std::string("/nodeinfo/") + v);
    EXPECT_EQ(ni["version"], v);
    EXPECT_EQ(ni["software"]["name"], "loxodon");
    EXPECT_EQ(ni["protocols"], json::array({"activitypub"}));
    EXPECT_EQ(ni["usage"]["users"]["total"], 2);
    EXPECT_EQ(ni["usage"]["localPosts"], 2);
    EXPECT_EQ(ni["openRegistrations"], false);  // approval is not open
    EXPECT_EQ(ni["metadata"]["upstream"]["name"], "mastodon");
  }
  auto host_meta = http_request(server.port(), "GET", "/.well-known/host-meta");
  ASSERT_TRUE(host_meta);
  EXPECT_EQ(host_meta->header("content-type"), "application/xrd+xml; charset=utf-8");
  EXPECT_NE(host_meta->body.find(
                "template=\"https://social.example/.well-known/webfinger?resource={uri}\""),
            std::string::npos);
}

TEST_F(InstanceApiTest, HealthFollowsTheDatabase) {
  auto server = start();
  auto ok = http_request(server.port(), "GET", "/health");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, "OK");
}

TEST_F(InstanceApiTest, UnreachableDatabaseGives503NotACrash) {
  db::Database dead(lox::testing::pool_options("postgresql://postgres@127.0.0.1:1/none", 1));
  services::HealthService health(dead);
  services::InstanceService instance(dead);
  http::Router router;
  web::add_ops_routes(router, health);
  mastodon::InstanceApi api(config_, instance, secrets_);
  api.add_routes(router);
  RunningServer server(std::move(router));
  auto h = http_request(server.port(), "GET", "/health");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 503);
  EXPECT_EQ(json::parse(h->body)["error"], "Database unavailable");
  auto i = http_request(server.port(), "GET", "/api/v1/instance");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->status, 503);
  EXPECT_TRUE(json::parse(i->body).contains("error"));
}

}  // namespace
}  // namespace lox::api
