#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/interaction_service.hpp>
#include <loxodon/services/statuses/scheduled_status_service.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/services/statuses/status_service.hpp>

namespace lox::api::mastodon {

// /api/v1/statuses: posting (now or scheduled), reading, editing and deleting statuses, and
// what a user does to one (favourite, boost, bookmark, pin, mute). The routes are listed in
// statuses_module.cpp; each handler lives in a file of its own.
class StatusesModule {
 public:
  StatusesModule(const config::Config& config, services::StatusService& statuses,
                 services::StatusReader& reader, services::InteractionService& interactions,
                 services::ScheduledStatusService& scheduled);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create(Call& call);
  awaitable<http::Response> show(Call& call);
  awaitable<http::Response> show_many(Call& call);
  awaitable<http::Response> edit(Call& call);
  awaitable<http::Response> destroy(Call& call);
  awaitable<http::Response> context(Call& call);
  awaitable<http::Response> history(Call& call);
  awaitable<http::Response> source(Call& call);
  awaitable<http::Response> favourite(Call& call);
  awaitable<http::Response> unfavourite(Call& call);
  awaitable<http::Response> reblog(Call& call);
  awaitable<http::Response> unreblog(Call& call);
  awaitable<http::Response> bookmark(Call& call);
  awaitable<http::Response> unbookmark(Call& call);
  awaitable<http::Response> pin(Call& call);
  awaitable<http::Response> unpin(Call& call);
  awaitable<http::Response> mute(Call& call);
  awaitable<http::Response> unmute(Call& call);
  awaitable<http::Response> reblogged_by(Call& call);
  awaitable<http::Response> favourited_by(Call& call);

  const config::Config& config_;
  services::StatusService& statuses_;
  services::StatusReader& reader_;
  services::InteractionService& interactions_;
  services::ScheduledStatusService& scheduled_;
};

}  // namespace lox::api::mastodon
