#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/funding_service.hpp>

namespace lox::api::mastodon {

// The published funding figures (GET /api/v1/instance/funding, public) and, for
// administrators, the goal settings and stretch goals behind them.
class FundingApi {
 public:
  FundingApi(const config::Config& config, services::FundingService& funding);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::FundingService& funding_;
};

}  // namespace lox::api::mastodon
