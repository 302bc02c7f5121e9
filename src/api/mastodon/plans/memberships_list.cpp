#include "api/mastodon/plans/plan_serializer.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

// Every membership, paid or comped (administrators only).
awaitable<http::Response> PlansModule::memberships(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : co_await memberships_.memberships(call.user())) {
    out.push_back(membership_json(m));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
