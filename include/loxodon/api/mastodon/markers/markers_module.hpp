#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/statuses/status_service.hpp>

namespace lox::api::mastodon {

// /api/v1/markers: where the user stopped reading the home timeline and the notifications.
// The routes are listed in markers_module.cpp; each handler lives in a file of its own.
class MarkersModule {
 public:
  explicit MarkersModule(services::StatusService& statuses);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> save(Call& call);

  services::StatusService& statuses_;
};

}  // namespace lox::api::mastodon
