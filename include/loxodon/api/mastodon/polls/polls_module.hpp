#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/status_service.hpp>

namespace lox::api::mastodon {

// /api/v1/polls: a poll as its viewer may see it, and votes. The routes are listed in
// polls_module.cpp; each handler lives in a file of its own.
class PollsModule {
 public:
  PollsModule(const config::Config& config, services::StatusService& statuses);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> vote(Call& call);

  const config::Config& config_;
  services::StatusService& statuses_;
};

}  // namespace lox::api::mastodon
