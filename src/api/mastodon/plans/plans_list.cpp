#include "api/mastodon/plans/plan_serializer.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

// Every membership plan (administrators only).
awaitable<http::Response> PlansModule::plans(Call& call) {
  auto plans = co_await memberships_.plans(call.user());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : plans) out.push_back(plan_json(p));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
