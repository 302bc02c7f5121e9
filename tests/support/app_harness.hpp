#pragma once

#include "raw_http.hpp"
#include "run_awaitable.hpp"
#include "running_server.hpp"
#include "test_database.hpp"

#include <loxodon/app/services.hpp>
#include <loxodon/app/web_app.hpp>
#include <loxodon/config/config_loader.hpp>
#include <loxodon/db/database.hpp>

#include <string>

namespace lox::testing {

// The whole HTTP application (every route, real services) on a fresh database and a free port,
// in this process. Settings come from LOXODON_* style overrides.
class AppHarness {
 public:
  explicit AppHarness(config::Environment overrides = {});

  unsigned short port() const { return server.port(); }

  domain::UserWithAccount create_user(const std::string& username, const std::string& role = "user",
                                      const std::string& password = "correct horse battery");
  std::string token_for(const domain::UserWithAccount& user, const std::string& scopes);
  services::RegisteredApp register_app(const std::string& scopes = "read write follow push",
                                       const std::string& redirect_uri = "https://app.example/cb");

  // One request; adds "Authorization: Bearer TOKEN" when a token is given.
  std::optional<RawResponse> request(
      const std::string& method, const std::string& target, const std::string& token = "",
      const std::string& body = "",
      const std::string& content_type = "application/x-www-form-urlencoded");

  TestDatabase tdb;
  config::Config config;
  db::Database db;
  asio::thread_pool blocking{1};
  app::Services services;
  app::WebApp web;
  RunningServer server;
};

}  // namespace lox::testing
