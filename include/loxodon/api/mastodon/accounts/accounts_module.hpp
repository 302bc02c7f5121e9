#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>

namespace lox::api::mastodon {

// /api/v1/accounts: registration, the signed-in account and its profile, other accounts, their
// followers, statuses and the user's relationship to them. The routes are listed in
// accounts_module.cpp; each handler lives in a file of its own.
class AccountsModule {
 public:
  AccountsModule(const config::Config& config, services::AccountService& accounts,
                 services::AuthService& auth, services::RelationshipService& relationships,
                 services::MediaService& media, services::TimelineService& timelines);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> verify_credentials(Call& call);
  awaitable<http::Response> update_credentials(Call& call);
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> lookup(Call& call);
  awaitable<http::Response> relationships(Call& call);
  awaitable<http::Response> familiar_followers(Call& call);
  awaitable<http::Response> followers(Call& call);
  awaitable<http::Response> following(Call& call);
  awaitable<http::Response> statuses(Call& call);
  awaitable<http::Response> follow(Call& call);
  awaitable<http::Response> unfollow(Call& call);
  awaitable<http::Response> block(Call& call);
  awaitable<http::Response> unblock(Call& call);
  awaitable<http::Response> mute(Call& call);
  awaitable<http::Response> unmute(Call& call);
  awaitable<http::Response> pin(Call& call);
  awaitable<http::Response> unpin(Call& call);

  const config::Config& config_;
  services::AccountService& accounts_;
  services::AuthService& auth_;
  services::RelationshipService& relationships_;
  services::MediaService& media_;
  services::TimelineService& timelines_;
};

}  // namespace lox::api::mastodon
