#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/statuses/statuses_cleanup_service.hpp>

namespace lox::api::mastodon {

// The signed-in account's automatic deletion of old posts (a privacy tool of membership
// plans): GET and PUT /api/v1/statuses_cleanup_policy. The routes are listed in
// statuses_cleanup_module.cpp; each handler lives in a file of its own.
class StatusesCleanupModule {
 public:
  explicit StatusesCleanupModule(services::StatusesCleanupService& cleanup);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> update(Call& call);

  services::StatusesCleanupService& cleanup_;
};

}  // namespace lox::api::mastodon
