#include "api/mastodon/plans/plan_params.hpp"
#include "api/mastodon/plans/plan_serializer.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

// A new membership plan (administrators only).
awaitable<http::Response> PlansModule::create_plan(Call& call) {
  auto plan = co_await memberships_.create_plan(call.user(), new_plan(call.params));
  co_return http::Response::json(200, plan_json(plan));
}

}  // namespace lox::api::mastodon
