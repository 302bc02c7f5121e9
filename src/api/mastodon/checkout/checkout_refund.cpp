#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/checkout/checkout_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> CheckoutModule::refund_payment(Call& call) {
  co_await checkout_.refund(call.user(), path_id(call.request), call.params.string("amount"));
  // The provider's refund event records the reversal when it arrives.
  co_return http::Response::json(202, {{"requested", true}});
}

}  // namespace lox::api::mastodon
