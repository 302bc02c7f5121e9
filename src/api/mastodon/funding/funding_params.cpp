#include "api/mastodon/funding/funding_params.hpp"

namespace lox::api::mastodon {

services::FundingSettingsInput funding_settings_input_from(const http::Params& p) {
  services::FundingSettingsInput input;
  input.currency = p.string("currency").value_or("");
  input.monthly_goal = p.string("monthly_goal").value_or("0");
  input.reserve_target = p.string("reserve_target").value_or("0");
  input.description = p.string("description").value_or("");
  return input;
}

services::NewStretchGoal new_stretch_goal_from(const http::Params& p) {
  services::NewStretchGoal goal;
  goal.title = p.string("title").value_or("");
  goal.description = p.string("description").value_or("");
  goal.amount = p.string("amount").value_or("");
  goal.currency = p.string("currency");
  return goal;
}

}  // namespace lox::api::mastodon
