#include "api/mastodon/plans/plan_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

// Gives an open seat to account_id as a comp for its months.
awaitable<http::Response> PlansModule::assign_seat(Call& call) {
  auto accounts = id_params(call.params, "account_id");
  auto m = co_await memberships_.assign_seat(call.user(), path_id(call.request),
                                             accounts.empty() ? 0 : accounts.front());
  co_return http::Response::json(200, membership_json(m));
}

}  // namespace lox::api::mastodon
