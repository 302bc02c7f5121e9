#include <loxodon/api/mastodon/plans_api.hpp>
#include <loxodon/domain/money.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

json plan_json(const domain::MembershipPlan& p) {
  return {{"id", std::to_string(p.id)},
          {"name", p.name},
          {"description", p.description},
          {"price", domain::format_amount(p.price_minor, p.currency)},
          {"price_minor", p.price_minor},
          {"currency", p.currency},
          {"billing_interval", p.billing_interval},
          {"trial_days", p.trial_days},
          {"entitlements", json::parse(p.entitlements_json, nullptr, false)},
          {"provider_price_ref", p.provider_price_ref ? json(*p.provider_price_ref) : json()},
          {"active", p.active}};
}

}  // namespace

PlansApi::PlansApi(const config::Config& config, services::MembershipService& memberships)
    : config_(config), memberships_(memberships) {}

void PlansApi::add_routes(Endpoints& e) {
  e.add({"POST", "/api/v1/admin/plans", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::NewPlan r;
          r.name = c.params.string("name").value_or("");
          r.description = c.params.string("description").value_or("");
          r.price = c.params.string("price").value_or("");
          r.currency = c.params.string("currency").value_or("");
          r.billing_interval = c.params.string("billing_interval").value_or("month");
          r.trial_days = static_cast<int>(c.params.integer("trial_days").value_or(0));
          r.provider_price_ref = c.params.string("provider_price_ref");
          if (auto max = c.params.integer("max_characters")) r.max_characters = *max;
          auto plan = co_await memberships_.create_plan(c.user(), std::move(r));
          co_return http::Response::json(200, plan_json(plan));
        });
  e.add({"GET", "/api/v1/admin/plans", Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto plans = co_await memberships_.plans(c.user());
          json out = json::array();
          for (const auto& p : plans) out.push_back(plan_json(p));
          co_return http::Response::json(200, out);
        });
}

}  // namespace lox::api::mastodon
