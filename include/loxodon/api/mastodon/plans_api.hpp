#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/membership_service.hpp>

namespace lox::api::mastodon {

// Membership plans for administrators (create, list) and memberships (list; comps: give a
// plan free of charge, end it).
class PlansApi {
 public:
  PlansApi(const config::Config& config, services::MembershipService& memberships);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::MembershipService& memberships_;
};

}  // namespace lox::api::mastodon
