#include "api/mastodon/funding/funding_params.hpp"
#include "api/mastodon/funding_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/funding/funding_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> FundingModule::add_stretch_goal(Call& call) {
  auto created =
      co_await funding_.add_stretch_goal(call.user(), new_stretch_goal_from(call.params));
  co_return http::Response::json(200, stretch_goal_json(created));
}

awaitable<http::Response> FundingModule::remove_stretch_goal(Call& call) {
  co_await funding_.remove_stretch_goal(call.user(), path_id(call.request));
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
