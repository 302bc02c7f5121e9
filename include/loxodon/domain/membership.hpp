#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lox::domain {

// What a membership plan raises above the instance's defaults. Unset values keep the default.
// An account holding several plans gets the highest limit and every flag any of them grants.
struct Entitlements {
  std::optional<std::size_t> max_characters;
  std::optional<std::size_t> max_media_attachments;
  std::optional<std::size_t> max_poll_options;
  std::optional<std::size_t> max_profile_fields;
  std::optional<std::size_t> max_scheduled_posts;
  std::optional<std::int64_t> edit_window_minutes;
  // Largest media upload, images and video alike (the instance's own limits are 16 and 99 MB);
  // never above `instance.max_upload_megabytes`.
  std::optional<std::size_t> max_upload_megabytes;
  // Custom emoji the member may add to the instance's own (none without a plan).
  std::optional<std::size_t> custom_emoji_slots;
  bool ad_free = false;  // no sponsored placements shown to this account
  // Extra privacy tools: automatic deletion of one's old posts and hidden follower and
  // following counts. Tools switched on while entitled stay on after the membership ends.
  bool privacy_tools = false;
  // Profile page accent colour and theme (ProfileLook).
  bool customization = false;
  // Features the instance has in early access (`instance.early_access_features`).
  bool early_access = false;
};

struct MembershipPlan {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::int64_t price_minor = 0;
  std::string currency;
  std::string billing_interval;  // month, year
  int trial_days = 0;
  std::string entitlements_json = "{}";
  std::optional<std::string> provider_price_ref;
  bool active = true;
};

// A subscription's state as the provider last reported it.
struct MembershipState {
  std::int64_t account_id = 0;
  std::int64_t plan_id = 0;
  std::string provider;
  std::string subscription_ref;
  std::string status;  // trialing, active, past_due, comped, canceled, ended
  std::optional<std::chrono::system_clock::time_point> current_period_end;
  bool cancel_at_period_end = false;
  std::chrono::system_clock::time_point event_at{};
};

// Months of a plan a supporter paid for someone else to have.
struct FundedSeat {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string plan_name;
  int months = 0;
  std::optional<std::int64_t> ledger_entry_id;
  std::string funded_by;                   // "@name", "provider:stripe", or an administrator's note
  std::optional<std::int64_t> account_id;  // given to
  std::optional<std::string> acct;
  std::optional<std::chrono::system_clock::time_point> assigned_at;
};

// A membership as administrators list it.
struct Membership {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string acct;
  std::int64_t plan_id = 0;
  std::string plan_name;
  std::string provider;
  std::string subscription_ref;
  std::string status;
  std::optional<std::chrono::system_clock::time_point> current_period_end;
  bool cancel_at_period_end = false;
};

}  // namespace lox::domain
