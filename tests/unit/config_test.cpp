#include <loxodon/config/config_error.hpp>
#include <loxodon/config/config_loader.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace lox::config {
namespace {

const Environment kMinimal = {{"LOXODON_DATABASE_URL", "postgresql://u@localhost/db"},
                              {"LOXODON_DOMAIN", "social.example"}};

class TomlFile {
 public:
  explicit TomlFile(const std::string& text) {
    path_ = "/tmp/loxodon_config_test_" + std::to_string(getpid()) + "_" +
            std::to_string(counter_++) + ".toml";
    std::ofstream(path_) << text;
  }
  ~TomlFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

// Loads and returns the error's key, or "" when loading succeeded.
std::string error_key(const std::optional<std::string>& path, const Environment& env,
                      Requirement req = Requirement::kServe) {
  try {
    load_config(path, env, req);
    return "";
  } catch (const ConfigError& e) {
    return e.key();
  }
}

TEST(Config, DefaultsAreProductionSafe) {
  Config c = load_config(std::nullopt, kMinimal, Requirement::kServe);
  EXPECT_EQ(c.scheme, "https");
  EXPECT_EQ(c.base_url(), "https://social.example");
  EXPECT_EQ(c.streaming_url(), "wss://social.example");
  EXPECT_FALSE(c.allow_private_addresses);
  EXPECT_FALSE(c.oauth_password_grant);
  EXPECT_EQ(c.http.max_body_bytes, 1024u * 1024);
  EXPECT_EQ(c.database.pool_size, 4u);
}

TEST(Config, EnvironmentOverridesTheFile) {
  TomlFile file(R"(
domain = "from-file.example"
listen = "0.0.0.0:4000"
[instance]
title = "File Title"
languages = ["en", "de"]
[jobs]
lease_seconds = 120
)");
  Environment env = kMinimal;
  env["LOXODON_LISTEN"] = "127.0.0.1:8081";
  env["LOXODON_SCHEME"] = "http";
  env["LOXODON_ALLOW_PRIVATE_ADDRESSES"] = "true";
  env["LOXODON_HTTP_TRUSTED_PROXIES"] = "127.0.0.1, ::1, 10.0.0.0/8";
  Config c = load_config(file.path(), env, Requirement::kServe);
  EXPECT_EQ(c.domain, "social.example");  // env wins
  EXPECT_EQ(c.listen, "127.0.0.1:8081");
  EXPECT_EQ(c.instance.title, "File Title");  // file value kept where env is silent
  EXPECT_EQ(c.instance.languages, (std::vector<std::string>{"en", "de"}));
  EXPECT_EQ(c.jobs.lease, std::chrono::seconds(120));
  EXPECT_TRUE(c.allow_private_addresses);
  EXPECT_EQ(c.base_url(), "http://social.example");
  ASSERT_EQ(c.http.trusted_proxies.size(), 3u);
  EXPECT_TRUE(c.http.trusted_proxies[2].contains("10.2.3.4"));
}

TEST(Config, ServeRequiresADomainButMigrateDoesNot) {
  Environment env = {{"LOXODON_DATABASE_URL", "postgresql://u@localhost/db"}};
  EXPECT_EQ(error_key(std::nullopt, env, Requirement::kServe), "domain");
  EXPECT_EQ(error_key(std::nullopt, env, Requirement::kDatabaseOnly), "");
}

TEST(Config, MissingOrMalformedDatabaseUrlNamesTheKey) {
  EXPECT_EQ(error_key(std::nullopt, {{"LOXODON_DOMAIN", "a.example"}}), "database_url");
  Environment env = kMinimal;
  env["LOXODON_DATABASE_URL"] = "host=localhost dbname=x";
  EXPECT_EQ(error_key(std::nullopt, env), "database_url");
}

TEST(Config, PoolerSettingsReadAndChecked) {
  Config defaults = load_config(std::nullopt, kMinimal, Requirement::kServe);
  EXPECT_TRUE(defaults.database.prepared_statements);
  EXPECT_EQ(defaults.database.direct_url, "");
  Environment env = kMinimal;
  env["LOXODON_DATABASE_PREPARED_STATEMENTS"] = "false";
  env["LOXODON_DATABASE_DIRECT_URL"] = "postgresql://u@db-primary/db";
  Config c = load_config(std::nullopt, env, Requirement::kServe);
  EXPECT_FALSE(c.database.prepared_statements);
  EXPECT_EQ(c.database.direct_url, "postgresql://u@db-primary/db");
  env["LOXODON_DATABASE_DIRECT_URL"] = "db-primary:5432";
  EXPECT_EQ(error_key(std::nullopt, env), "database.direct_url");
  env["LOXODON_DATABASE_DIRECT_URL"] = "postgresql://u@db-primary/db";
  env["LOXODON_DATABASE_PREPARED_STATEMENTS"] = "sometimes";
  EXPECT_EQ(error_key(std::nullopt, env), "database.prepared_statements");
}

TEST(Config, ReplicaSettingsReadAndChecked) {
  Config defaults = load_config(std::nullopt, kMinimal, Requirement::kServe);
  EXPECT_EQ(defaults.database.replica_url, "");
  EXPECT_EQ(defaults.database.read_your_writes, std::chrono::milliseconds(5000));
  Environment env = kMinimal;
  env["LOXODON_DATABASE_REPLICA_URL"] = "postgresql://u@db-replica/db";
  env["LOXODON_DATABASE_READ_YOUR_WRITES_MS"] = "1500";
  Config c = load_config(std::nullopt, env, Requirement::kServe);
  EXPECT_EQ(c.database.replica_url, "postgresql://u@db-replica/db");
  EXPECT_EQ(c.database.read_your_writes, std::chrono::milliseconds(1500));
  env["LOXODON_DATABASE_READ_YOUR_WRITES_MS"] = "600001";
  EXPECT_EQ(error_key(std::nullopt, env), "database.read_your_writes_ms");
  env["LOXODON_DATABASE_READ_YOUR_WRITES_MS"] = "0";
  env["LOXODON_DATABASE_REPLICA_URL"] = "host=db-replica dbname=db";
  EXPECT_EQ(error_key(std::nullopt, env), "database.replica_url");
}

TEST(Config, BadValuesNameTheirKey) {
  struct Case {
    const char* var;
    const char* value;
    const char* key;
  };
  for (const Case& c : std::vector<Case>{
           {"LOXODON_LISTEN", "nonsense", "listen"},
           {"LOXODON_LISTEN", "127.0.0.1:99999", "listen"},
           {"LOXODON_LISTEN", "example.com:80", "listen"},
           {"LOXODON_SCHEME", "ftp", "scheme"},
           {"LOXODON_ALLOW_PRIVATE_ADDRESSES", "maybe", "allow_private_addresses"},
           {"LOXODON_HTTP_MAX_BODY_BYTES", "12abc", "http.max_body_bytes"},
           {"LOXODON_HTTP_MAX_BODY_BYTES", "10", "http.max_body_bytes"},
           {"LOXODON_DATABASE_POOL_SIZE", "0", "database.pool_size"},
           {"LOXODON_HTTP_TRUSTED_PROXIES", "10.0.0.0/8,proxy.local", "http.trusted_proxies"},
           {"LOXODON_INSTANCE_REGISTRATIONS", "sometimes", "instance.registrations"},
           {"LOXODON_LOG_LEVEL", "loud", "log_level"},
           {"LOXODON_LOG_FORMAT", "xml", "log_format"},
           {"LOXODON_METRICS_LISTEN", "9394", "metrics_listen"},
           {"LOXODON_METRICS_LISTEN", "metrics.local:9394", "metrics_listen"},
           {"LOXODON_DOMAIN", "https://social.example/", "domain"},
           {"LOXODON_INSTANCE_EARLY_ACCESS_FEATURES", "statuses_cleanup,teleport",
            "instance.early_access_features"},
           {"LOXODON_INSTANCE_MAX_UPLOAD_MEGABYTES", "50", "instance.max_upload_megabytes"},
           {"LOXODON_INSTANCE_MAX_UPLOAD_MEGABYTES", "2000", "instance.max_upload_megabytes"},
       }) {
    Environment env = kMinimal;
    env[c.var] = c.value;
    EXPECT_EQ(error_key(std::nullopt, env), c.key) << c.var << "=" << c.value;
  }
}

TEST(Config, ErrorMessageNamesKeyAndVariable) {
  Environment env = kMinimal;
  env["LOXODON_JOBS_WORKERS"] = "many";
  try {
    load_config(std::nullopt, env, Requirement::kServe);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()),
              "jobs.workers (LOXODON_JOBS_WORKERS): expected an integer, got 'many'");
  }
}

TEST(Config, FileErrorsNameTheKey) {
  TomlFile unknown("[http]\nmax_body = 5\n");
  EXPECT_EQ(error_key(unknown.path(), kMinimal), "http.max_body");
  TomlFile wrong_type("[jobs]\nworkers = \"four\"\n");
  EXPECT_EQ(error_key(wrong_type.path(), kMinimal), "jobs.workers");
  TomlFile broken("domain = \n");
  EXPECT_EQ(error_key(broken.path(), kMinimal), "config");
  EXPECT_EQ(error_key("/nonexistent/loxodon.toml", kMinimal), "config");
}

TEST(Config, ExampleFileIsValidAndComplete) {
  // config/loxodon.example.toml documents every key; it must load as it stands.
  std::string path = std::string(LOXODON_SOURCE_DIR) + "/config/loxodon.example.toml";
  Config c = load_config(path, kMinimal, Requirement::kServe);
  EXPECT_EQ(c.domain, "social.example");
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& key : known_keys()) {
    std::string leaf = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
    EXPECT_NE(text.find("\n" + leaf + " = "), std::string::npos) << key << " is not documented";
    EXPECT_NE(text.find(env_name_for(key)), std::string::npos) << env_name_for(key);
  }
}

TEST(Config, MetricsAreOffAndLogsTextUnlessSet) {
  Config c = load_config(std::nullopt, kMinimal, Requirement::kServe);
  EXPECT_EQ(c.metrics_listen, "");
  EXPECT_EQ(c.log_format, "text");
  Environment env = kMinimal;
  env["LOXODON_METRICS_LISTEN"] = "127.0.0.1:9394";
  env["LOXODON_LOG_FORMAT"] = "json";
  c = load_config(std::nullopt, env, Requirement::kServe);
  EXPECT_EQ(c.metrics_listen, "127.0.0.1:9394");
  EXPECT_EQ(c.log_format, "json");
}

TEST(Config, RateLimitSyncIntervalIsReadAndBounded) {
  EXPECT_EQ(load_config(std::nullopt, kMinimal, Requirement::kServe).rate_limits.sync_interval,
            std::chrono::milliseconds(1000));
  Environment env = kMinimal;
  env["LOXODON_RATE_LIMITS_SYNC_INTERVAL_MS"] = "250";
  EXPECT_EQ(load_config(std::nullopt, env, Requirement::kServe).rate_limits.sync_interval,
            std::chrono::milliseconds(250));
  // Below 50 ms the statements would cost more than the sharing is worth.
  env["LOXODON_RATE_LIMITS_SYNC_INTERVAL_MS"] = "10";
  EXPECT_EQ(error_key(std::nullopt, env), "rate_limits.sync_interval_ms");
}

TEST(Config, HttpThreadsDefaultToOnePerCoreAndAreBounded) {
  Config c = load_config(std::nullopt, kMinimal, Requirement::kServe);
  EXPECT_EQ(c.http.threads, 0u);  // serve reads 0 as one per core
  Environment env = kMinimal;
  env["LOXODON_HTTP_THREADS"] = "4";
  EXPECT_EQ(load_config(std::nullopt, env, Requirement::kServe).http.threads, 4u);
  env["LOXODON_HTTP_THREADS"] = "257";
  EXPECT_EQ(error_key(std::nullopt, env), "http.threads");
  env["LOXODON_HTTP_THREADS"] = "-1";
  EXPECT_EQ(error_key(std::nullopt, env), "http.threads");
}

TEST(Config, EnvNamesFollowKeys) {
  EXPECT_EQ(env_name_for("http.max_body_bytes"), "LOXODON_HTTP_MAX_BODY_BYTES");
  EXPECT_EQ(env_name_for("domain"), "LOXODON_DOMAIN");
}

}  // namespace
}  // namespace lox::config
