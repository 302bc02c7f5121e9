#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/scheduled_status_service.hpp>

namespace lox::api::mastodon {

// Scheduled statuses: list, show, reschedule and cancel (scheduling itself is
// POST /api/v1/statuses with scheduled_at).
class ScheduledStatusesApi {
 public:
  ScheduledStatusesApi(const config::Config& config, services::ScheduledStatusService& scheduled);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::ScheduledStatusService& scheduled_;
};

}  // namespace lox::api::mastodon
