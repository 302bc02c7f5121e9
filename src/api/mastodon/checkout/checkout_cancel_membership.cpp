#include <loxodon/api/mastodon/checkout/checkout_module.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

// The membership as it stands once the provider has been asked to end it with its period.
awaitable<http::Response> CheckoutModule::cancel_membership(Call& call) {
  using nlohmann::json;
  auto m = co_await checkout_.cancel_membership(call.user());
  co_return http::Response::json(
      200,
      {{"id", std::to_string(m.id)},
       {"plan", m.plan_name},
       {"status", m.status},
       {"cancel_at_period_end", m.cancel_at_period_end},
       {"current_period_end",
        m.current_period_end ? json(format_iso8601_ms(*m.current_period_end)) : json(nullptr)}});
}

}  // namespace lox::api::mastodon
