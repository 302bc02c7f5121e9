#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/notification_service.hpp>
#include <loxodon/services/relationship_service.hpp>
#include <loxodon/services/scheduled_status_service.hpp>
#include <loxodon/services/status_service.hpp>

namespace lox::api::mastodon {

// Statuses, timelines and notifications.
class StatusesApi {
 public:
  StatusesApi(const config::Config& config, services::StatusService& statuses,
              services::NotificationService& notifications,
              services::RelationshipService& relationships,
              services::ScheduledStatusService& scheduled);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> show_many(Call& call);
  awaitable<http::Response> destroy(Call& call);
  awaitable<http::Response> context(Call& call);
  awaitable<http::Response> home(Call& call);
  awaitable<http::Response> public_timeline(Call& call);
  awaitable<http::Response> account_statuses(Call& call);
  awaitable<http::Response> notifications(Call& call);
  awaitable<http::Response> notification(Call& call);
  awaitable<http::Response> page_response(Call& call, const services::StatusPage& page);
  void add_more_routes(Endpoints& endpoints);

  const config::Config& config_;
  services::StatusService& statuses_;
  services::NotificationService& notifications_;
  services::RelationshipService& relationships_;
  services::ScheduledStatusService& scheduled_;
};

}  // namespace lox::api::mastodon
