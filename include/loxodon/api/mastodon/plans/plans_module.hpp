#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/membership_service.hpp>

namespace lox::api::mastodon {

// Membership plans for administrators (create, list), memberships (list; comps: give a plan
// free of charge, end it), supporter-funded seats, and a member's own memberships and perks.
// The routes are listed in plans_module.cpp; each handler lives in a file of its own.
class PlansModule {
 public:
  PlansModule(const config::Config& config, services::MembershipService& memberships);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> create_plan(Call& call);
  awaitable<http::Response> my_membership(Call& call);
  awaitable<http::Response> plans(Call& call);
  awaitable<http::Response> comp(Call& call);
  awaitable<http::Response> end_comp(Call& call);
  awaitable<http::Response> seats(Call& call);
  awaitable<http::Response> record_seat(Call& call);
  awaitable<http::Response> assign_seat(Call& call);
  awaitable<http::Response> memberships(Call& call);

  const config::Config& config_;
  services::MembershipService& memberships_;
};

}  // namespace lox::api::mastodon
