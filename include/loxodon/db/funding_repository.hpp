#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/funding.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// Funding settings, stretch goals, and the aggregates the published figures come from.
class FundingRepository {
 public:
  static std::optional<domain::FundingSettings> settings(Tx& tx);
  static void put_settings(Tx& tx, const domain::FundingSettings& settings);
  static void insert_stretch_goal(Tx& tx, const domain::StretchGoal& goal);
  static std::vector<domain::StretchGoal> stretch_goals(Tx& tx);
  static bool delete_stretch_goal(Tx& tx, std::int64_t id);
  static std::int64_t stretch_goal_count(Tx& tx);
  static std::vector<domain::LedgerTotal> ledger_totals(Tx& tx);
  static domain::SupporterCounts supporters(Tx& tx, int grace_days);
  // A cheap fingerprint of everything written that the figures come from.
  static std::string version(Tx& tx);
};

}  // namespace lox::db
