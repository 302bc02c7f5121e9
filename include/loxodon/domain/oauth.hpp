#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

inline constexpr const char* kOutOfBandRedirect = "urn:ietf:wg:oauth:2.0:oob";

struct OAuthApplication {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> website;
  std::vector<std::string> redirect_uris;
  std::string scopes;  // space-separated
  std::string client_id;
  std::string client_secret_hash;
  std::chrono::system_clock::time_point created_at{};
};

struct AccessGrant {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::int64_t user_id = 0;
  std::string redirect_uri;
  std::string scopes;
  std::optional<std::string> code_challenge;
  std::optional<std::string> code_challenge_method;
  bool expired = false;
  bool used = false;
};

struct AccessToken {
  std::int64_t id = 0;
  std::optional<std::int64_t> application_id;
  std::optional<std::int64_t> user_id;  // nullopt for client_credentials (app) tokens
  std::string scopes;
  std::chrono::system_clock::time_point created_at{};
  bool revoked = false;
};

}  // namespace lox::domain
