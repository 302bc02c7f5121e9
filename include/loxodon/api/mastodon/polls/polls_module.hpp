#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/polls/poll_service.hpp>

namespace lox::api::mastodon {

// /api/v1/polls: a poll as its viewer may see it, and votes. The routes are listed in
// polls_module.cpp; each handler lives in a file of its own.
class PollsModule {
 public:
  PollsModule(const config::Config& config, services::PollService& polls);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> vote(Call& call);

  const config::Config& config_;
  services::PollService& polls_;
};

}  // namespace lox::api::mastodon
