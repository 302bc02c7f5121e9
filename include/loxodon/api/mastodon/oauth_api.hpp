#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/instance/instance_secrets.hpp>

namespace lox::api::mastodon {

// POST /api/v1/apps, GET /api/v1/apps/verify_credentials, POST /oauth/token, POST /oauth/revoke
// and /.well-known/oauth-authorization-server. (The HTML /oauth/authorize lives in `web`.)
class OAuthApi {
 public:
  OAuthApi(const config::Config& config, services::AuthService& auth,
           const services::InstanceSecrets& secrets);
  void add_routes(http::Router& router, Endpoints& endpoints);

 private:
  awaitable<http::Response> create_app(Call& call);
  awaitable<http::Response> verify_app(Call& call);
  awaitable<http::Response> token(http::Request& request);
  awaitable<http::Response> revoke(http::Request& request);
  http::Response metadata() const;

  const config::Config& config_;
  services::AuthService& auth_;
  const services::InstanceSecrets& secrets_;
};

}  // namespace lox::api::mastodon
