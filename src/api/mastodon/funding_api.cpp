#include "api/mastodon/funding_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/funding_api.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AdminFundingPath[] = "/api/v1/admin/funding";

}  // namespace

FundingApi::FundingApi(const config::Config& config, services::FundingService& funding)
    : config_(config), funding_(funding) {}

void FundingApi::add_routes(Endpoints& e) {
  // Served from the one-second page cache to anyone logged out: the figures are public and
  // the same for everyone, and the ledger aggregate should not run once per request.
  e.add({"GET", "/api/v1/instance/funding", Access::kPublic, {}, true},
        [this](Call&) -> awaitable<http::Response> {
          auto published = co_await funding_.published();
          auto out = funding_summary_json(config_, published.summary);
          nlohmann::json thanks = nlohmann::json::array();
          for (const auto& t : published.thanks) thanks.push_back(thanks_json(t, false));
          out["thanks"] = std::move(thanks);
          co_return http::Response::json(200, out);
        });
  e.add({"GET", kV1AdminFundingPath, Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto settings = co_await funding_.settings(c.user());
          auto goals = co_await funding_.stretch_goals(c.user());
          co_return http::Response::json(200, funding_settings_json(settings, goals));
        });
  e.add({"PUT", kV1AdminFundingPath, Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::FundingSettingsInput input;
          input.currency = c.params.string("currency").value_or("");
          input.monthly_goal = c.params.string("monthly_goal").value_or("0");
          input.reserve_target = c.params.string("reserve_target").value_or("0");
          input.description = c.params.string("description").value_or("");
          auto settings = co_await funding_.update_settings(c.user(), std::move(input));
          auto goals = co_await funding_.stretch_goals(c.user());
          co_return http::Response::json(200, funding_settings_json(settings, goals));
        });
  e.add({"POST", "/api/v1/admin/funding/stretch_goals", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::NewStretchGoal goal;
          goal.title = c.params.string("title").value_or("");
          goal.description = c.params.string("description").value_or("");
          goal.amount = c.params.string("amount").value_or("");
          goal.currency = c.params.string("currency");
          auto created = co_await funding_.add_stretch_goal(c.user(), std::move(goal));
          co_return http::Response::json(200, stretch_goal_json(created));
        });
  e.add({"DELETE", "/api/v1/admin/funding/stretch_goals/:id", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          co_await funding_.remove_stretch_goal(c.user(), path_id(c.request));
          co_return http::Response::json_text(200, "{}");
        });
}

}  // namespace lox::api::mastodon
