#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/checkout/checkout_module.hpp>

namespace lox::api::mastodon {

// A seat someone else will get. Months far out of range become 0 before narrowing to int; the
// service refuses those like any other bad length.
awaitable<http::Response> CheckoutModule::seat_checkout(Call& call) {
  auto plans = id_params(call.params, "plan_id");
  auto months = call.params.integer("months").value_or(0);
  auto url =
      co_await checkout_.seat_checkout(call.user(), plans.empty() ? 0 : plans.front(),
                                       months < 0 || months > 1000 ? 0 : static_cast<int>(months));
  co_return http::Response::json(200, {{"url", url}});
}

}  // namespace lox::api::mastodon
