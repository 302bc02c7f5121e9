#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/interaction_service.hpp>
#include <loxodon/services/statuses/scheduled_status_service.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/services/statuses/status_service.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>

#include <string_view>

namespace lox::api::mastodon {

// Statuses and timelines.
class StatusesApi {
 public:
  StatusesApi(const config::Config& config, services::StatusService& statuses,
              services::StatusReader& reader, services::InteractionService& interactions,
              services::TimelineService& timelines, services::ScheduledStatusService& scheduled);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> show_many(Call& call);
  awaitable<http::Response> destroy(Call& call);
  awaitable<http::Response> context(Call& call);
  awaitable<http::Response> account_statuses(Call& call);
  awaitable<http::Response> page_response(Call& call, const services::StatusPage& page);
  awaitable<http::Response> status_action(Call& call, std::string_view action);
  awaitable<http::Response> pin_or_mute(Call& call, bool pin, bool on);
  void add_more_routes(Endpoints& endpoints);

  const config::Config& config_;
  services::StatusService& statuses_;
  services::StatusReader& reader_;
  services::InteractionService& interactions_;
  services::TimelineService& timelines_;
  services::ScheduledStatusService& scheduled_;
};

}  // namespace lox::api::mastodon
