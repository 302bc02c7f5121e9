// Where the S3 media store sends requests and where clients are sent for media: path-style and
// virtual-hosted object URLs, the public URL, and the [s3] keys' validation.
#include <loxodon/app/media_store_factory.hpp>
#include <loxodon/config/config_error.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/media/local_media_store.hpp>
#include <loxodon/media/s3_media_store.hpp>
#include <loxodon/media/s3_settings.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

namespace lox {
namespace {

const config::Environment kS3 = {
    {"LOXODON_DATABASE_URL", "postgresql://u@localhost/db"},
    {"LOXODON_DOMAIN", "social.example"},
    {"LOXODON_MEDIA_BACKEND", "s3"},
    {"LOXODON_S3_ENDPOINT", "http://127.0.0.1:9000/"},
    {"LOXODON_S3_BUCKET", "loxodon-media"},
    {"LOXODON_S3_REGION", "us-east-1"},
    {"LOXODON_S3_ACCESS_KEY_ID", "AKIDEXAMPLE"},
    {"LOXODON_S3_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"},
    {"LOXODON_S3_PATH_STYLE", "true"},
};

std::string error_key(config::Environment env) {
  try {
    config::load_config(std::nullopt, env, config::Requirement::kServe);
    return "";
  } catch (const config::ConfigError& e) {
    return e.key();
  }
}

TEST(S3Settings, PathStyleKeepsTheBucketInThePath) {
  media::S3Settings s;
  s.endpoint = "http://127.0.0.1:9000";
  s.bucket = "media";
  s.path_style = true;
  EXPECT_EQ(s.object_url("ab/cd/0123/original.jpg"),
            "http://127.0.0.1:9000/media/ab/cd/0123/original.jpg");
  s.endpoint = "https://garage.example:3900/";
  EXPECT_EQ(s.object_url("x/y.png"), "https://garage.example:3900/media/x/y.png");
}

TEST(S3Settings, VirtualHostedPutsTheBucketInTheHost) {
  media::S3Settings s;
  s.endpoint = "https://s3.eu-west-1.amazonaws.com";
  s.bucket = "loxodon-media";
  EXPECT_EQ(s.object_url("ab/cd/0123/small.webp"),
            "https://loxodon-media.s3.eu-west-1.amazonaws.com/ab/cd/0123/small.webp");
  // A port and a path prefix stay where they were.
  s.endpoint = "http://rgw.internal:7480/gateway/";
  EXPECT_EQ(s.object_url("k.png"), "http://loxodon-media.rgw.internal:7480/gateway/k.png");
}

TEST(S3Settings, ComeFromTheEnvironment) {
  auto c = config::load_config(std::nullopt, kS3, config::Requirement::kServe);
  auto s = app::s3_settings(c);
  EXPECT_EQ(s.endpoint, "http://127.0.0.1:9000/");
  EXPECT_EQ(s.bucket, "loxodon-media");
  EXPECT_EQ(s.region, "us-east-1");
  EXPECT_EQ(s.access_key_id, "AKIDEXAMPLE");
  EXPECT_TRUE(s.path_style);
  EXPECT_EQ(s.object_url("a/b.jpg"), "http://127.0.0.1:9000/loxodon-media/a/b.jpg");
  // The backend decides which store the services get.
  EXPECT_NE(dynamic_cast<media::S3MediaStore*>(app::make_media_store(c).get()), nullptr);
  auto local = kS3;
  local.erase("LOXODON_MEDIA_BACKEND");
  auto lc = config::load_config(std::nullopt, local, config::Requirement::kServe);
  EXPECT_NE(dynamic_cast<media::LocalMediaStore*>(app::make_media_store(lc).get()), nullptr);
}

TEST(S3Settings, MediaUrlsPointAtThePublicUrlOnlyWhenOneIsSet) {
  auto c = config::load_config(std::nullopt, kS3, config::Requirement::kServe);
  EXPECT_EQ(c.media_url("ab/cd/0123/original.jpg"),
            "https://social.example/system/media/ab/cd/0123/original.jpg");  // Loxodon proxies
  auto env = kS3;
  env["LOXODON_S3_PUBLIC_URL"] = "https://cdn.example/media/";
  c = config::load_config(std::nullopt, env, config::Requirement::kServe);
  EXPECT_EQ(c.media_url("ab/cd/0123/original.jpg"),
            "https://cdn.example/media/ab/cd/0123/original.jpg");
  // The local store has no bucket to point at: the public URL is for S3 only.
  env.erase("LOXODON_MEDIA_BACKEND");
  c = config::load_config(std::nullopt, env, config::Requirement::kServe);
  EXPECT_EQ(c.media_url("a/b.png"), "https://social.example/system/media/a/b.png");
}

TEST(S3Settings, EachMissingOrBadKeyIsNamed) {
  EXPECT_EQ(error_key(kS3), "");
  for (const char* name : {"LOXODON_S3_ENDPOINT", "LOXODON_S3_BUCKET", "LOXODON_S3_REGION",
                           "LOXODON_S3_ACCESS_KEY_ID", "LOXODON_S3_SECRET_ACCESS_KEY"}) {
    auto env = kS3;
    env.erase(name);
    std::string key = error_key(env);
    EXPECT_EQ(config::env_name_for(key), name);
  }
  auto env = kS3;
  env["LOXODON_S3_ENDPOINT"] = "s3.amazonaws.com";  // no scheme
  EXPECT_EQ(error_key(env), "s3.endpoint");
  env = kS3;
  env["LOXODON_S3_BUCKET"] = "Upper_Case";
  EXPECT_EQ(error_key(env), "s3.bucket");
  env = kS3;
  env["LOXODON_S3_PUBLIC_URL"] = "javascript:alert(1)";
  EXPECT_EQ(error_key(env), "s3.public_url");
  env = kS3;
  env["LOXODON_MEDIA_BACKEND"] = "gcs";
  EXPECT_EQ(error_key(env), "media_backend");
  // With the local backend the [s3] keys are not needed.
  env = kS3;
  env.erase("LOXODON_MEDIA_BACKEND");
  env.erase("LOXODON_S3_BUCKET");
  EXPECT_EQ(error_key(env), "");
}

TEST(S3Settings, TheSecretIsNeverInAnError) {
  // An unreachable endpoint (a closed port on loopback) fails with a message naming the
  // request, not the credentials.
  media::S3Settings s;
  s.endpoint = "http://127.0.0.1:1";
  s.bucket = "media";
  s.region = "us-east-1";
  s.access_key_id = "AKIDEXAMPLE";
  s.secret_access_key = "never-shown-secret";
  s.path_style = true;
  s.connect_timeout = std::chrono::seconds(2);
  media::S3MediaStore store(s);
  try {
    store.put("ab/c.png", "png");
    FAIL() << "put to a closed port succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kServiceUnavailable);
    EXPECT_NE(e.detail().find("PUT http://127.0.0.1:1/media/ab/c.png"), std::string::npos)
        << e.detail();
    EXPECT_EQ(e.detail().find("never-shown-secret"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("never-shown-secret"), std::string::npos);
  }
  EXPECT_THROW(store.put("../escape", "x"), std::invalid_argument);
  EXPECT_FALSE(store.read("../escape").has_value());  // refused before any request
}

}  // namespace
}  // namespace lox
