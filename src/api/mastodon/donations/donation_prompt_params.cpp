#include "api/mastodon/donations/donation_prompt_params.hpp"

#include "api/mastodon/request_ids.hpp"

namespace lox::api::mastodon {

services::NewDonationPrompt new_donation_prompt_from(const http::Params& p) {
  services::NewDonationPrompt r;
  r.text = p.string("text").value_or("");
  r.starts_at = time_param(p, "starts_at", "Starts at");
  r.ends_at = time_param(p, "ends_at", "Ends at");
  auto age = p.integer("min_account_age_days").value_or(30);
  r.min_account_age_days = age < -1 || age > 100000 ? -1 : static_cast<int>(age);
  if (auto repeat = p.integer("repeat_days")) {
    r.repeat_days = *repeat < 0 || *repeat > 100000 ? 0 : static_cast<int>(*repeat);
  }
  return r;
}

}  // namespace lox::api::mastodon
