#include "api/mastodon/plans/plan_params.hpp"

namespace lox::api::mastodon {

services::NewPlan new_plan(const http::Params& p) {
  services::NewPlan r;
  r.name = p.string("name").value_or("");
  r.description = p.string("description").value_or("");
  r.price = p.string("price").value_or("");
  r.currency = p.string("currency").value_or("");
  r.billing_interval = p.string("billing_interval").value_or("month");
  r.trial_days = static_cast<int>(p.integer("trial_days").value_or(0));
  r.provider_price_ref = p.string("provider_price_ref");
  if (auto max = p.integer("max_characters")) r.max_characters = *max;
  r.max_media_attachments = p.integer("max_media_attachments");
  r.max_poll_options = p.integer("max_poll_options");
  r.max_profile_fields = p.integer("max_profile_fields");
  r.max_scheduled_posts = p.integer("max_scheduled_posts");
  r.edit_window_minutes = p.integer("edit_window_minutes");
  r.max_upload_megabytes = p.integer("max_upload_megabytes");
  r.custom_emoji_slots = p.integer("custom_emoji_slots");
  r.ad_free = p.boolean("ad_free").value_or(false);
  r.privacy_tools = p.boolean("privacy_tools").value_or(false);
  r.early_access = p.boolean("early_access").value_or(false);
  r.customization = p.boolean("customization").value_or(false);
  r.badge = p.string("badge");
  return r;
}

}  // namespace lox::api::mastodon
