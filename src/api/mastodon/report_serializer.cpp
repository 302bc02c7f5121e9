#include "api/mastodon/report_serializer.hpp"

#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

json time_or_null(const std::optional<std::chrono::system_clock::time_point>& t) {
  return t ? json(format_iso8601_ms(*t)) : json(nullptr);
}

json common(const domain::Report& r) {
  json status_ids = json::array();
  for (auto id : r.status_ids) status_ids.push_back(std::to_string(id));
  return {{"id", std::to_string(r.id)},
          {"action_taken", r.action_taken_at.has_value()},
          {"action_taken_at", time_or_null(r.action_taken_at)},
          {"category", r.category},
          {"comment", r.comment},
          {"forwarded", r.forwarded},
          {"created_at", format_iso8601_ms(r.created_at)},
          {"status_ids", status_ids},
          {"rule_ids", json::array()}};
}

// Mastodon's Admin::Account: the sign-in facts only for local accounts.
json admin_account_json(const config::Config& config, const domain::Account& a,
                        const std::optional<domain::User>& user) {
  json out = {{"id", std::to_string(a.id)},
              {"username", a.username},
              {"domain", a.domain ? json(*a.domain) : json(nullptr)},
              {"created_at", format_iso8601_ms(a.created_at)},
              {"ip", nullptr},
              {"ips", json::array()},
              {"silenced", false},
              {"suspended", a.suspended_at.has_value()},
              {"sensitized", false},
              {"account", account_json(config, a)}};
  if (user) {
    out["email"] = user->email;
    out["locale"] = user->locale ? json(*user->locale) : json(nullptr);
    out["confirmed"] = user->confirmed;
    out["approved"] = user->approved;
    out["disabled"] = user->disabled;
    out["invite_request"] = nullptr;
    out["role"] = role_json(user->role);
  } else {
    out["confirmed"] = true;
    out["approved"] = true;
    out["disabled"] = false;
  }
  return out;
}

}  // namespace

json report_json(const config::Config& config, const services::ReportView& v) {
  json out = common(v.report);
  out["target_account"] = account_json(config, v.target);
  return out;
}

json admin_report_json(const config::Config& config, const services::ReportView& v) {
  json out = common(v.report);
  out["updated_at"] = format_iso8601_ms(v.report.updated_at);
  out["account"] = admin_account_json(config, v.reporter, v.reporter_user);
  out["target_account"] = admin_account_json(config, v.target, v.target_user);
  out["assigned_account"] = nullptr;
  out["action_taken_by_account"] =
      v.action_taken_by ? admin_account_json(config, *v.action_taken_by, std::nullopt)
                        : json(nullptr);
  out["statuses"] = statuses_json(config, v.statuses);
  out["rules"] = json::array();
  return out;
}

}  // namespace lox::api::mastodon
