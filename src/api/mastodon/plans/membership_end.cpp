#include "api/mastodon/plans/plan_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

namespace lox::api::mastodon {

// Ends a comp now.
awaitable<http::Response> PlansModule::end_comp(Call& call) {
  auto m = co_await memberships_.end_comp(call.user(), path_id(call.request));
  co_return http::Response::json(200, membership_json(m));
}

}  // namespace lox::api::mastodon
