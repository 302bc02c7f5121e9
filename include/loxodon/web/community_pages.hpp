#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>
#include <loxodon/web/page_viewer.hpp>

namespace lox::web {

// A community's page (/tags/:name, where Hashtag links point): the latest public posts with the
// tag and, when one is live, the community's sponsored placement (curated by its curators).
// Posts show their safe HTML only: no remote image is loaded, so the page stays on our origin.
class CommunityPages {
 public:
  CommunityPages(const config::Config& config, services::TimelineService& timelines,
                 services::SponsorService& sponsors, services::AuthService& auth);
  void add_routes(http::Router& router);

 private:
  awaitable<http::Response> community(http::Request& request);

  const config::Config& config_;
  services::TimelineService& timelines_;
  services::SponsorService& sponsors_;
  PageViewer viewer_;
};

}  // namespace lox::web
