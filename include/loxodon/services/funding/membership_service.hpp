#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/membership.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct NewPlan {
  std::string name;
  std::string description;
  std::string price;  // "4.00" in the currency's unit
  std::string currency;
  std::string billing_interval;  // month, year
  int trial_days = 0;
  std::optional<std::string> provider_price_ref;   // the provider's price id (price_...)
  std::optional<long long> max_characters;         // 1 to 100000
  std::optional<long long> max_media_attachments;  // 1 to 20
  std::optional<long long> max_poll_options;       // 2 to 20
  std::optional<long long> max_profile_fields;     // 1 to 16
  std::optional<long long> max_scheduled_posts;    // 300 to 3000
  std::optional<long long> edit_window_minutes;    // 1 to 525600 (a year)
  std::optional<long long> max_upload_megabytes;   // 1 to instance.max_upload_megabytes
  std::optional<long long> custom_emoji_slots;     // 1 to 100
  bool ad_free = false;                            // members see no sponsored placements
  bool privacy_tools = false;        // automatic deletion of old posts, hidden follower counts
  bool early_access = false;         // features in early access (instance.early_access_features)
  bool customization = false;        // profile page accent colour and theme
  std::optional<std::string> badge;  // the supporter badge members show in `roles`
};

// What a member sees of their own memberships: each one's state, and the perks they hold now.
struct MemberPerks {
  std::vector<domain::Membership> memberships;
  domain::Entitlements entitlements;
};

// Membership plans (what a paid tier costs and raises) and what an account is entitled to now.
// Members' states arrive from the payment provider (PaymentWebhookService).
class MembershipService {
 public:
  MembershipService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids);

  // Administrators only (403); 422 naming the field for a bad price, currency, interval,
  // trial or limit, and 422 for a name or provider price already used.
  awaitable<domain::MembershipPlan> create_plan(domain::UserWithAccount admin, NewPlan plan);
  // Administrators only (403).
  awaitable<std::vector<domain::MembershipPlan>> plans(domain::UserWithAccount admin);

  // A comp: `plan_id`'s perks for a local account, free of charge, until `until` (or until
  // ended), through the manual provider. Administrators only (403); 422 for an unknown plan or
  // account, or an end in the past.
  awaitable<domain::Membership> comp(domain::UserWithAccount admin, std::int64_t account_id,
                                     std::int64_t plan_id,
                                     std::optional<std::chrono::system_clock::time_point> until);
  // Ends a comp now (404 unless it is a running comp). Content made meanwhile stays.
  awaitable<domain::Membership> end_comp(domain::UserWithAccount admin, std::int64_t id);
  awaitable<std::vector<domain::Membership>> memberships(domain::UserWithAccount admin);
  // The signed-in account's own memberships and current perks.
  awaitable<MemberPerks> mine(std::int64_t account_id);

  // Supporter-funded seats. Administrators only (403). Recording one by hand: 422 for an
  // unknown plan, months outside 1 to 120, or a ledger entry that is not a donation.
  awaitable<domain::FundedSeat> record_seat(domain::UserWithAccount admin, std::int64_t plan_id,
                                            int months,
                                            std::optional<std::int64_t> ledger_entry_id);
  awaitable<std::vector<domain::FundedSeat>> seats(domain::UserWithAccount admin);
  // Gives an open seat to a local account as a comp for its months (422 when it was given
  // already or the account is not local; 404 for an unknown seat).
  awaitable<domain::Membership> assign_seat(domain::UserWithAccount admin, std::int64_t seat_id,
                                            std::int64_t account_id);

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
