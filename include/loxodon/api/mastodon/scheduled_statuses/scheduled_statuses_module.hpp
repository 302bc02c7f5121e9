#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/scheduled_status_service.hpp>

namespace lox::api::mastodon {

// /api/v1/scheduled_statuses: list, show, reschedule and cancel (scheduling itself is
// POST /api/v1/statuses with scheduled_at). The routes are listed in
// scheduled_statuses_module.cpp; each handler lives in a file of its own.
class ScheduledStatusesModule {
 public:
  ScheduledStatusesModule(const config::Config& config,
                          services::ScheduledStatusService& scheduled);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> reschedule(Call& call);
  awaitable<http::Response> cancel(Call& call);

  const config::Config& config_;
  services::ScheduledStatusService& scheduled_;
};

}  // namespace lox::api::mastodon
