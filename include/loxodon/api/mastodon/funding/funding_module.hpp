#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/funding_service.hpp>

namespace lox::api::mastodon {

// The published funding figures (GET /api/v1/instance/funding, public) and, for
// administrators, the goal settings and stretch goals behind them. The routes are listed in
// funding_module.cpp; each handler lives in a file of its own.
class FundingModule {
 public:
  FundingModule(const config::Config& config, services::FundingService& funding);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> published(Call& call);
  awaitable<http::Response> settings(Call& call);
  awaitable<http::Response> update_settings(Call& call);
  awaitable<http::Response> add_stretch_goal(Call& call);
  awaitable<http::Response> remove_stretch_goal(Call& call);

  const config::Config& config_;
  services::FundingService& funding_;
};

}  // namespace lox::api::mastodon
