#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/router.hpp>
#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/services/funding/sponsor_service.hpp>
#include <loxodon/services/instance/instance_service.hpp>
#include <loxodon/web/page_viewer.hpp>

namespace lox::web {

// The instance's public about page (/about, /about/more), the sponsor and disclosure page
// (/about/sponsors: every sponsor, placement, period and price band) and the click-through of
// sponsored placements (/sponsored/:id/click). None of them logs the visitor's address.
class AboutPages {
 public:
  AboutPages(const config::Config& config, services::InstanceService& instance,
             services::SponsorService& sponsors, services::AuthService& auth);
  void add_routes(http::Router& router);

 private:
  awaitable<http::Response> about(http::Request& request);
  awaitable<http::Response> sponsors_page(http::Request& request);
  awaitable<http::Response> click(http::Request& request);

  const config::Config& config_;
  services::InstanceService& instance_;
  services::SponsorService& sponsors_;
  PageViewer viewer_;
};

}  // namespace lox::web
