#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/checkout/checkout_module.hpp>

namespace lox::api::mastodon {

// Without a plan_id the plan asked for is 0, which the service answers 404 like any unknown plan.
awaitable<http::Response> CheckoutModule::membership_checkout(Call& call) {
  auto plans = id_params(call.params, "plan_id");
  auto url = co_await checkout_.membership_checkout(call.user(), plans.empty() ? 0 : plans.front());
  co_return http::Response::json(200, {{"url", url}});
}

}  // namespace lox::api::mastodon
