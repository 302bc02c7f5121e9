#include "api/mastodon/plans/plan_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

// Gives account_id the perks of plan_id free of charge, until ends_at or until ended.
awaitable<http::Response> PlansModule::comp(Call& call) {
  auto accounts = id_params(call.params, "account_id");
  auto plans = id_params(call.params, "plan_id");
  auto until = time_param(call.params, "ends_at", "Ends at");
  auto m = co_await memberships_.comp(call.user(), accounts.empty() ? 0 : accounts.front(),
                                      plans.empty() ? 0 : plans.front(), until);
  co_return http::Response::json(200, membership_json(m));
}

}  // namespace lox::api::mastodon
