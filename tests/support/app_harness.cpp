#include "app_harness.hpp"

namespace lox::testing {

namespace {
config::Config make_config(const std::string& url, config::Environment overrides) {
  config::Environment env = {{"LOXODON_DATABASE_URL", url},
                             {"LOXODON_DOMAIN", "social.example"},
                             {"LOXODON_INSTANCE_REGISTRATIONS", "open"},
                             {"LOXODON_OAUTH_PASSWORD_GRANT", "true"}};
  for (auto& [k, v] : overrides) env[k] = v;
  return config::load_config(std::nullopt, env, config::Requirement::kServe);
}

db::DatabaseOptions db_options(const std::string& url) {
  db::DatabaseOptions o;
  o.url = url;
  o.pool_size = 3;
  return o;
}
}  // namespace

AppHarness::AppHarness(config::Environment overrides)
    : config(make_config(tdb.url(), std::move(overrides))),
      db(db_options(tdb.url())),
      services(config, db, blocking),
      web(services),
      server(web.take_router()) {
  services.secrets = db.tx_sync(services::InstanceSecrets::load_or_create);
}

domain::UserWithAccount AppHarness::create_user(const std::string& username,
                                                const std::string& role,
                                                const std::string& password) {
  services::AdminAccountRequest r{username, username + "@example.com", password, role};
  return run_awaitable(services.accounts.create_by_admin(r));
}

std::string AppHarness::token_for(const domain::UserWithAccount& user, const std::string& scopes) {
  return run_awaitable(services.auth.personal_token(user.user.id, scopes)).access_token;
}

services::RegisteredApp AppHarness::register_app(const std::string& scopes,
                                                 const std::string& redirect_uri) {
  services::AppRegistration r{"Test App", {redirect_uri}, scopes, std::nullopt};
  return run_awaitable(services.auth.register_app(r));
}

std::optional<RawResponse> AppHarness::request(const std::string& method, const std::string& target,
                                               const std::string& token, const std::string& body,
                                               const std::string& content_type) {
  std::string headers;
  if (!token.empty()) headers += "Authorization: Bearer " + token + "\r\n";
  if (!body.empty()) headers += "Content-Type: " + content_type + "\r\n";
  return http_request(port(), method, target, headers, body);
}

}  // namespace lox::testing
