#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/funding_repository.hpp>

namespace lox::db {

std::optional<domain::FundingSettings> FundingRepository::settings(Tx& tx) {
  auto r = tx.exec("funding_settings_get");
  if (r.empty()) return std::nullopt;
  domain::FundingSettings s;
  s.currency = r[0][0].as<std::string>();
  s.monthly_goal_minor = r[0][1].as<std::int64_t>();
  s.reserve_target_minor = r[0][2].as<std::int64_t>();
  s.description = r[0][3].as<std::string>();
  s.updated_by = r[0][4].as<std::string>();
  s.updated_at = *ms_time(r[0][5]);
  return s;
}

void FundingRepository::put_settings(Tx& tx, const domain::FundingSettings& s) {
  tx.exec("funding_settings_put", s.currency, s.monthly_goal_minor, s.reserve_target_minor,
          s.description, s.updated_by);
}

void FundingRepository::insert_stretch_goal(Tx& tx, const domain::StretchGoal& g) {
  tx.exec("stretch_goal_insert", g.id, g.title, g.description, g.amount_minor, g.currency);
}

std::vector<domain::StretchGoal> FundingRepository::stretch_goals(Tx& tx) {
  std::vector<domain::StretchGoal> out;
  for (const auto& row : tx.exec("stretch_goals_all")) {
    out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                   row[3].as<std::int64_t>(), row[4].as<std::string>()});
  }
  return out;
}

bool FundingRepository::delete_stretch_goal(Tx& tx, std::int64_t id) {
  return tx.exec("stretch_goal_delete", id).affected_rows() > 0;
}

std::int64_t FundingRepository::stretch_goal_count(Tx& tx) {
  return tx.exec1("stretch_goals_count")[0].as<std::int64_t>();
}

std::vector<domain::LedgerTotal> FundingRepository::ledger_totals(Tx& tx) {
  std::vector<domain::LedgerTotal> out;
  for (const auto& row : tx.exec("ledger_totals")) {
    domain::LedgerTotal t;
    t.currency = row[0].as<std::string>();
    t.income = row[1].as<bool>();
    t.source = row[2].as<std::string>();
    t.category = row[3].as<std::string>();
    t.month = row[4].as<std::string>();
    t.amount_minor = row[5].as<std::int64_t>();
    out.push_back(std::move(t));
  }
  return out;
}

domain::SupporterCounts FundingRepository::supporters(Tx& tx, int grace_days) {
  auto row = tx.exec1("funding_supporters", grace_days);
  return {row[0].as<std::int64_t>(), row[1].as<std::int64_t>()};
}

std::string FundingRepository::version(Tx& tx) {
  return tx.exec1("funding_version")[0].as<std::string>();
}

}  // namespace lox::db
