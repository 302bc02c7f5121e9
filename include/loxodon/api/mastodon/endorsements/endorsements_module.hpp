#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>

namespace lox::api::mastodon {

// /api/v1/endorsements: the accounts the user features on their profile. The route is listed in
// endorsements_module.cpp; its handler lives in a file of its own.
class EndorsementsModule {
 public:
  EndorsementsModule(const config::Config& config, services::RelationshipService& relationships);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);

  const config::Config& config_;
  services::RelationshipService& relationships_;
};

}  // namespace lox::api::mastodon
