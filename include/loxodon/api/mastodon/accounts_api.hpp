#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/media/media_service.hpp>

#include <string_view>

namespace lox::api::mastodon {

// Registration, the signed-in account, profiles, lookups and preferences.
class AccountsApi {
 public:
  AccountsApi(const config::Config& config, services::AccountService& accounts,
              services::AuthService& auth, services::RelationshipService& relationships,
              services::MediaService& media);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> verify_credentials(Call& call);
  awaitable<http::Response> update_credentials(Call& call);
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> lookup(Call& call);
  awaitable<http::Response> relationships(Call& call);
  awaitable<http::Response> familiar_followers(Call& call);
  awaitable<http::Response> preferences(Call& call);
  awaitable<http::Response> follow_list(Call& call, bool followers);
  awaitable<http::Response> relationship_action(Call& call, std::string_view action);
  awaitable<http::Response> follow_request_verdict(Call& call, bool authorize);

  const config::Config& config_;
  services::AccountService& accounts_;
  services::MediaService& media_;
  services::AuthService& auth_;
  services::RelationshipService& relationships_;
};

}  // namespace lox::api::mastodon
