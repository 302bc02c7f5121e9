#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>

namespace lox::api::mastodon {

// /api/v1/follow_requests: who asks to follow the user (a locked account), and the answer to
// each. The routes are listed in follow_requests_module.cpp; the handlers live in files of
// their own.
class FollowRequestsModule {
 public:
  FollowRequestsModule(const config::Config& config, services::RelationshipService& relationships);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> authorize(Call& call);
  awaitable<http::Response> reject(Call& call);

  const config::Config& config_;
  services::RelationshipService& relationships_;
};

}  // namespace lox::api::mastodon
