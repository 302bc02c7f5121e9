#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/statuses/statuses_cleanup_service.hpp>

namespace lox::api::mastodon {

// The signed-in account's automatic deletion of old posts (a privacy tool of membership
// plans): GET and PUT /api/v1/statuses_cleanup_policy.
class StatusesCleanupApi {
 public:
  explicit StatusesCleanupApi(services::StatusesCleanupService& cleanup);
  void add_routes(Endpoints& endpoints);

 private:
  services::StatusesCleanupService& cleanup_;
};

}  // namespace lox::api::mastodon
