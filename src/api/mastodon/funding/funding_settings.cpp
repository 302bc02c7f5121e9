#include "api/mastodon/funding/funding_params.hpp"
#include "api/mastodon/funding_serializer.hpp"

#include <loxodon/api/mastodon/funding/funding_module.hpp>

namespace lox::api::mastodon {

// Both answer with the settings and the stretch goals, as the admin page shows them together.
awaitable<http::Response> FundingModule::settings(Call& call) {
  auto settings = co_await funding_.settings(call.user());
  auto goals = co_await funding_.stretch_goals(call.user());
  co_return http::Response::json(200, funding_settings_json(settings, goals));
}

awaitable<http::Response> FundingModule::update_settings(Call& call) {
  auto settings =
      co_await funding_.update_settings(call.user(), funding_settings_input_from(call.params));
  auto goals = co_await funding_.stretch_goals(call.user());
  co_return http::Response::json(200, funding_settings_json(settings, goals));
}

}  // namespace lox::api::mastodon
