#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/funding/funding_service.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>
#include <loxodon/web/page_viewer.hpp>

namespace lox::web {

// The public funding page (/about/funding) and its chart (/about/funding/chart.svg): goal,
// stretch goals, income by source, costs by category, balance, runway, reserve and the share
// of active users supporting, all from the ledger. Plain HTML and SVG from this origin, no
// script, so it reads the same in any browser and leaks nothing to anyone.
class FundingPages {
 public:
  FundingPages(const config::Config& config, services::FundingService& funding,
               services::SponsorService& sponsors, services::AuthService& auth);
  void add_routes(http::Router& router);

 private:
  awaitable<http::Response> funding_page(http::Request& request);
  awaitable<http::Response> chart(http::Request& request);

  const config::Config& config_;
  services::FundingService& funding_;
  services::SponsorService& sponsors_;
  PageViewer viewer_;
};

}  // namespace lox::web
