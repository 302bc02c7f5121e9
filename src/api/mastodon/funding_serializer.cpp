#include "api/mastodon/funding_serializer.hpp"

#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/util/time_format.hpp>

#include <cmath>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

json money(std::int64_t minor, const std::string& currency) {
  if (currency.empty()) return {{"amount", "0"}, {"amount_minor", 0}};
  return {{"amount", domain::format_amount(minor, currency)}, {"amount_minor", minor}};
}

json by_key(const std::vector<domain::AmountByKey>& rows, const char* key_name,
            const std::string& currency) {
  json out = json::array();
  for (const auto& row : rows) {
    json item = money(row.amount_minor, currency);
    item[key_name] = row.key;
    out.push_back(std::move(item));
  }
  return out;
}

// A whole percentage of `part` in `whole`, rounded down; none without a whole.
json percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return nullptr;
  return domain::whole_percent(part, whole);
}

}  // namespace

json stretch_goal_json(const domain::StretchGoal& g) {
  json out = money(g.amount_minor, g.currency);
  out["id"] = std::to_string(g.id);
  out["title"] = g.title;
  out["description"] = g.description;
  out["currency"] = g.currency;
  return out;
}

namespace {

json stretch_progress_json(const std::vector<domain::StretchGoalProgress>& goals) {
  json stretch = json::array();
  for (const auto& progress : goals) {
    json goal = stretch_goal_json(progress.goal);
    goal["reached"] = progress.reached;
    stretch.push_back(std::move(goal));
  }
  return stretch;
}

json months_json(const std::vector<domain::MonthFigures>& figures, const std::string& c) {
  json months = json::array();
  for (const auto& m : figures) {
    months.push_back({{"month", m.month},
                      {"income", money(m.income_minor, c)},
                      {"costs", money(m.costs_minor, c)}});
  }
  return months;
}

// Each in its own currency: balances are never converted.
json other_balances_json(const std::vector<std::pair<std::string, std::int64_t>>& balances) {
  json others = json::array();
  for (const auto& [currency, balance] : balances) {
    json item = money(balance, currency);
    item["currency"] = currency;
    others.push_back(std::move(item));
  }
  return others;
}

}  // namespace

json funding_summary_json(const config::Config& config, const domain::FundingSummary& s) {
  const std::string& c = s.currency;
  json stretch = stretch_progress_json(s.stretch_goals);
  json months = months_json(s.months, c);
  json others = other_balances_json(s.other_balances);
  json goal = nullptr;
  if (s.monthly_goal_minor > 0) {
    goal = money(s.monthly_goal_minor, c);
    goal["percent"] = percent(s.raised_this_month_minor, s.monthly_goal_minor);
  }
  json reserve = nullptr;
  if (s.reserve_target_minor > 0) {
    reserve = money(s.reserve_target_minor, c);
    reserve["percent"] = percent(s.balance_minor, s.reserve_target_minor);
  }
  json share = nullptr;
  if (s.supporters.active_users > 0) {
    share = static_cast<double>(s.supporters.active_supporters) /
            static_cast<double>(s.supporters.active_users);
  }
  json runway = nullptr;
  if (s.runway_months) runway = std::floor(*s.runway_months * 10) / 10;
  return {{"currency", c.empty() ? json(nullptr) : json(c)},
          {"month", s.month},
          {"description", s.description},
          {"goal", goal},
          {"raised_this_month", money(s.raised_this_month_minor, c)},
          {"stretch_goals", stretch},
          {"income_by_source", by_key(s.income_by_source, "source", c)},
          {"costs_by_category", by_key(s.costs_by_category, "category", c)},
          {"last_12_months",
           {{"income_by_source", by_key(s.income_by_source_12_months, "source", c)},
            {"costs_by_category", by_key(s.costs_by_category_12_months, "category", c)}}},
          {"months", months},
          {"balance", money(s.balance_minor, c)},
          {"monthly_costs", money(s.monthly_costs_minor, c)},
          {"runway_months", runway},
          {"reserve_target", reserve},
          {"other_currencies", others},
          {"supporters",
           {{"active_supporters", s.supporters.active_supporters},
            {"active_users", s.supporters.active_users},
            {"share", share}}},
          {"seats", {{"funded", s.seats_funded}, {"given", s.seats_given}}},
          {"payment_links", lox::activitypub::payment_links(config)},
          {"chart_url", config.base_url() + "/about/funding/chart.svg"},
          {"page_url", config.base_url() + "/about/funding"}};
}

json thanks_json(const domain::DonationThanks& t, bool for_admin) {
  json out = {{"id", std::to_string(t.id)},
              {"name", t.name ? json(*t.name) : json(nullptr)},
              {"message", t.message},
              {"month", format_iso8601_ms(t.donated_at).substr(0, 7)},
              {"recurring", t.recurrence != "one_time"}};
  if (for_admin) {
    out["ledger_entry_id"] = std::to_string(t.ledger_entry_id);
    out["hidden"] = t.hidden;
  }
  return out;
}

json funding_settings_json(const std::optional<domain::FundingSettings>& settings,
                           const std::vector<domain::StretchGoal>& stretch_goals) {
  json goals = json::array();
  for (const auto& g : stretch_goals) goals.push_back(stretch_goal_json(g));
  if (!settings) {
    return {{"currency", nullptr},   {"monthly_goal", nullptr}, {"reserve_target", nullptr},
            {"description", ""},     {"updated_by", nullptr},   {"updated_at", nullptr},
            {"stretch_goals", goals}};
  }
  return {{"currency", settings->currency},
          {"monthly_goal", money(settings->monthly_goal_minor, settings->currency)},
          {"reserve_target", money(settings->reserve_target_minor, settings->currency)},
          {"description", settings->description},
          {"updated_by", settings->updated_by},
          {"updated_at", format_iso8601_ms(settings->updated_at)},
          {"stretch_goals", goals}};
}

}  // namespace lox::api::mastodon
