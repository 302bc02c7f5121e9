#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/services/timelines/marker_service.hpp>

namespace lox::api::mastodon {

// /api/v1/markers: where the user stopped reading the home timeline and the notifications.
// The routes are listed in markers_module.cpp; each handler lives in a file of its own.
class MarkersModule {
 public:
  explicit MarkersModule(services::MarkerService& markers);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> save(Call& call);

  services::MarkerService& markers_;
};

}  // namespace lox::api::mastodon
