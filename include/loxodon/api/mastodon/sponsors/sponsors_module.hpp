#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>

namespace lox::api::mastodon {

// Sponsors, placements, their daily aggregates, offers and community curators for
// administrators (and curators, for their communities), a member's own offers, and the public
// disclosure as JSON (GET /api/v1/instance/sponsors). The routes are listed in
// sponsors_module.cpp; each handler lives in a file of its own.
class SponsorsModule {
 public:
  SponsorsModule(const config::Config& config, services::SponsorService& sponsors);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> disclosure(Call& call);
  awaitable<http::Response> create_sponsor(Call& call);
  awaitable<http::Response> sponsors(Call& call);
  awaitable<http::Response> create_placement(Call& call);
  awaitable<http::Response> placements(Call& call);
  awaitable<http::Response> end_placement(Call& call);
  awaitable<http::Response> placement_stats(Call& call);
  awaitable<http::Response> create_offer(Call& call);
  awaitable<http::Response> offers(Call& call);
  awaitable<http::Response> my_offers(Call& call);
  awaitable<http::Response> curators(Call& call);
  awaitable<http::Response> add_curator(Call& call);
  awaitable<http::Response> remove_curator(Call& call);

  const config::Config& config_;
  services::SponsorService& sponsors_;
};

}  // namespace lox::api::mastodon
