#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/donation_thanks.hpp>
#include <loxodon/domain/funding.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// What an administrator sets: amounts in the currency's major unit ("500.00").
struct FundingSettingsInput {
  std::string currency;
  std::string monthly_goal = "0";
  std::string reserve_target = "0";
  std::string description;
};

struct NewStretchGoal {
  std::string title;
  std::string description;
  std::string amount;
  std::optional<std::string> currency;  // default: the settings' currency
};

class ThanksService;

// What the instance publishes about its funding: the figures and the thanks wall.
struct PublishedFunding {
  domain::FundingSummary summary;
  std::vector<domain::DonationThanks> thanks;
};

// Funding goals and the published figures (/about/funding, GET /api/v1/instance/funding):
// everything is computed from the ledger when asked, so the page can never disagree with the
// treasurer's records.
class FundingService {
 public:
  FundingService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                 ThanksService& thanks);

  // Public: anyone may read what the instance publishes. The figures are computed again when
  // a write changed what they come from, and at least once a minute (for what time alone
  // changes: the month, who is active, memberships lapsing); otherwise the last ones are
  // reused, so a popular page costs one small query instead of a pass over the ledger.
  awaitable<domain::FundingSummary> summary();
  // The figures with the thanks wall, as /about/funding and GET /api/v1/instance/funding show
  // them.
  awaitable<PublishedFunding> published();

  // Administrators only (403) from here on. 422 naming the field for an unknown currency,
  // an amount that is negative, malformed or above 10^15 minor units, or text too long.
  awaitable<std::optional<domain::FundingSettings>> settings(domain::UserWithAccount admin);
  awaitable<domain::FundingSettings> update_settings(domain::UserWithAccount admin,
                                                     FundingSettingsInput input);
  awaitable<std::vector<domain::StretchGoal>> stretch_goals(domain::UserWithAccount admin);
  // 422 as above, and when 20 stretch goals exist already.
  awaitable<domain::StretchGoal> add_stretch_goal(domain::UserWithAccount admin,
                                                  NewStretchGoal goal);
  // 404 for an unknown goal.
  awaitable<void> remove_stretch_goal(domain::UserWithAccount admin, std::int64_t id);

  static constexpr std::int64_t kMaxStretchGoals = 20;

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  ThanksService& thanks_;
  std::mutex mutex_;
  std::optional<domain::FundingSummary> cached_;
  std::string cached_version_;
  std::chrono::steady_clock::time_point cached_at_;
};

}  // namespace lox::services
