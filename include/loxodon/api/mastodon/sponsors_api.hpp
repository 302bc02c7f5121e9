#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>

namespace lox::api::mastodon {

// Sponsors, placements, their daily aggregates and community curators for administrators
// (and curators, for their communities), plus the public disclosure as JSON
// (GET /api/v1/instance/sponsors).
class SponsorsApi {
 public:
  SponsorsApi(const config::Config& config, services::SponsorService& sponsors);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::SponsorService& sponsors_;
};

}  // namespace lox::api::mastodon
