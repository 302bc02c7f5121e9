#include "api/mastodon/plans/plan_serializer.hpp"

#include <loxodon/api/mastodon/plans/plans_module.hpp>

#include <utility>

namespace lox::api::mastodon {

// The caller's own memberships and the perks they hold now.
awaitable<http::Response> PlansModule::my_membership(Call& call) {
  auto mine = co_await memberships_.mine(call.user().account.id);
  nlohmann::json memberships = nlohmann::json::array();
  for (const auto& m : mine.memberships) {
    nlohmann::json one = membership_json(m);
    // The member knows who they are; the account fields are for administrators.
    one.erase("account_id");
    one.erase("acct");
    memberships.push_back(std::move(one));
  }
  co_return http::Response::json(
      200,
      {{"memberships", memberships},
       {"perks", perks_json(config_, mine.entitlements, call.user().account.supporter_badge)}});
}

}  // namespace lox::api::mastodon
