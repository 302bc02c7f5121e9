#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/accounts/list_service.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>

namespace lox::api::mastodon {

// /api/v1/timelines: home, public, hashtag and list timelines. The routes are listed in
// timelines_module.cpp; each handler lives in a file of its own.
class TimelinesModule {
 public:
  TimelinesModule(const config::Config& config, services::TimelineService& timelines,
                  services::ListService& lists);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> home(Call& call);
  awaitable<http::Response> public_timeline(Call& call);
  awaitable<http::Response> tag(Call& call);
  awaitable<http::Response> list(Call& call);

  const config::Config& config_;
  services::TimelineService& timelines_;
  services::ListService& lists_;
};

}  // namespace lox::api::mastodon
