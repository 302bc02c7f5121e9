#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/checkout_api.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

CheckoutApi::CheckoutApi(const config::Config& config, services::CheckoutService& checkout)
    : config_(config), checkout_(checkout) {}

void CheckoutApi::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/funding/checkout", Access::kUser, {"write:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto plans = id_params(c.params, "plan_id");
          auto url =
              co_await checkout_.membership_checkout(c.user(), plans.empty() ? 0 : plans.front());
          co_return http::Response::json(200, {{"url", url}});
        });
  e.add({"POST", "/api/v1/funding/donations/checkout", Access::kPublic, {}},
        [this](Call& c) -> awaitable<http::Response> {
          services::DonationCheckout d;
          d.amount = c.params.string("amount").value_or("");
          d.currency = c.params.string("currency").value_or("");
          d.interval = c.params.string("interval").value_or("");
          d.thanks = c.params.string("thanks");
          d.thanks_name = c.params.string("thanks_name").value_or("");
          d.thanks_message = c.params.string("thanks_message").value_or("");
          std::optional<domain::UserWithAccount> donor;
          if (c.caller && c.caller->user) donor = *c.caller->user;
          auto url = co_await checkout_.donation_checkout(std::move(donor), std::move(d));
          co_return http::Response::json(200, {{"url", url}});
        });
  e.add({"POST", "/api/v1/funding/seats/checkout", Access::kUser, {"write:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto plans = id_params(c.params, "plan_id");
          auto months = c.params.integer("months").value_or(0);
          auto url = co_await checkout_.seat_checkout(
              c.user(), plans.empty() ? 0 : plans.front(),
              months < 0 || months > 1000 ? 0 : static_cast<int>(months));
          co_return http::Response::json(200, {{"url", url}});
        });
  e.add({"POST", "/api/v1/funding/membership/cancel", Access::kUser, {"write:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto m = co_await checkout_.cancel_membership(c.user());
          co_return http::Response::json(
              200, {{"id", std::to_string(m.id)},
                    {"plan", m.plan_name},
                    {"status", m.status},
                    {"cancel_at_period_end", m.cancel_at_period_end},
                    {"current_period_end", m.current_period_end
                                               ? json(format_iso8601_ms(*m.current_period_end))
                                               : json(nullptr)}});
        });
  e.add({"POST", "/api/v1/admin/ledger/:id/refund_payment", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          co_await checkout_.refund(c.user(), path_id(c.request), c.params.string("amount"));
          // The provider's refund event records the reversal when it arrives.
          co_return http::Response::json(202, {{"requested", true}});
        });
}

}  // namespace lox::api::mastodon
