#include "api/mastodon/plans/plan_serializer.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

// Every supporter-funded seat, given or open (administrators only).
awaitable<http::Response> PlansModule::seats(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  auto seats = co_await memberships_.seats(call.user());
  for (const auto& f : seats) out.push_back(seat_json(f));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
