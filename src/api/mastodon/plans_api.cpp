#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/plans_api.hpp>
#include <loxodon/domain/money.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1AdminMembershipsPath[] = "/api/v1/admin/memberships";
constexpr char kV1AdminPlansPath[] = "/api/v1/admin/plans";
constexpr char kV1AdminSeatsPath[] = "/api/v1/admin/seats";

}  // namespace

using nlohmann::json;

namespace {

json plan_json(const domain::MembershipPlan& p) {
  return {{"id", std::to_string(p.id)},
          {"name", p.name},
          {"description", p.description},
          {"price", domain::format_amount(p.price_minor, p.currency)},
          {"price_minor", p.price_minor},
          {"currency", p.currency},
          {"billing_interval", p.billing_interval},
          {"trial_days", p.trial_days},
          {"entitlements", json::parse(p.entitlements_json, nullptr, false)},
          {"provider_price_ref", p.provider_price_ref ? json(*p.provider_price_ref) : json()},
          {"active", p.active}};
}

json membership_json(const domain::Membership& m) {
  return {{"id", std::to_string(m.id)},
          {"account_id", std::to_string(m.account_id)},
          {"acct", m.acct},
          {"plan_id", std::to_string(m.plan_id)},
          {"plan", m.plan_name},
          {"provider", m.provider},
          {"subscription_ref", m.subscription_ref},
          {"status", m.status},
          {"current_period_end",
           m.current_period_end ? json(format_iso8601_ms(*m.current_period_end)) : json(nullptr)},
          {"cancel_at_period_end", m.cancel_at_period_end}};
}

json early_access_json(const config::Config& config, const domain::Entitlements& e) {
  json out = json::array();
  for (const auto& name : config.instance.early_access_features) {
    out.push_back({{"name", name}, {"open", services::feature_open_to(config, e, name)}});
  }
  return out;
}

// The limits and perks that hold for the member now (services::effective_limits).
json perks_json(const config::Config& config, const domain::Entitlements& e,
                const std::optional<std::string>& badge) {
  const auto limits = services::effective_limits(config, e);
  const std::size_t megabyte = 1024 * 1024;
  return {{"max_characters", limits.max_characters},
          {"max_media_attachments", limits.max_media_attachments},
          {"max_poll_options", limits.max_poll_options},
          {"max_profile_fields", limits.max_profile_fields},
          {"max_scheduled_posts", limits.max_scheduled_posts},
          {"edit_window_minutes",
           limits.edit_window_minutes > 0 ? json(limits.edit_window_minutes) : json(nullptr)},
          {"image_size_limit_megabytes", limits.image_bytes / megabyte},
          {"video_size_limit_megabytes", limits.video_bytes / megabyte},
          {"custom_emoji_slots", e.custom_emoji_slots.value_or(0)},
          {"ad_free", e.ad_free},
          {"privacy_tools", e.privacy_tools},
          {"customization", e.customization},
          {"early_access", e.early_access},
          // What the instance holds in early access, and whether this member may use each.
          {"early_access_features", early_access_json(config, e)},
          {"badge", badge ? json(*badge) : json(nullptr)}};
}

}  // namespace

PlansApi::PlansApi(const config::Config& config, services::MembershipService& memberships)
    : config_(config), memberships_(memberships) {}

void PlansApi::add_routes(Endpoints& e) {
  e.add({"POST", kV1AdminPlansPath, Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          services::NewPlan r;
          r.name = c.params.string("name").value_or("");
          r.description = c.params.string("description").value_or("");
          r.price = c.params.string("price").value_or("");
          r.currency = c.params.string("currency").value_or("");
          r.billing_interval = c.params.string("billing_interval").value_or("month");
          r.trial_days = static_cast<int>(c.params.integer("trial_days").value_or(0));
          r.provider_price_ref = c.params.string("provider_price_ref");
          if (auto max = c.params.integer("max_characters")) r.max_characters = *max;
          r.max_media_attachments = c.params.integer("max_media_attachments");
          r.max_poll_options = c.params.integer("max_poll_options");
          r.max_profile_fields = c.params.integer("max_profile_fields");
          r.max_scheduled_posts = c.params.integer("max_scheduled_posts");
          r.edit_window_minutes = c.params.integer("edit_window_minutes");
          r.max_upload_megabytes = c.params.integer("max_upload_megabytes");
          r.custom_emoji_slots = c.params.integer("custom_emoji_slots");
          r.ad_free = c.params.boolean("ad_free").value_or(false);
          r.privacy_tools = c.params.boolean("privacy_tools").value_or(false);
          r.early_access = c.params.boolean("early_access").value_or(false);
          r.customization = c.params.boolean("customization").value_or(false);
          r.badge = c.params.string("badge");
          auto plan = co_await memberships_.create_plan(c.user(), std::move(r));
          co_return http::Response::json(200, plan_json(plan));
        });
  e.add({"GET", "/api/v1/funding/membership", Access::kUser, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto mine = co_await memberships_.mine(c.user().account.id);
          json memberships = json::array();
          for (const auto& m : mine.memberships) {
            json one = membership_json(m);
            one.erase("account_id");
            one.erase("acct");
            memberships.push_back(std::move(one));
          }
          co_return http::Response::json(
              200, {{"memberships", memberships},
                    {"perks",
                     perks_json(config_, mine.entitlements, c.user().account.supporter_badge)}});
        });
  e.add({"GET", kV1AdminPlansPath, Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto plans = co_await memberships_.plans(c.user());
          json out = json::array();
          for (const auto& p : plans) out.push_back(plan_json(p));
          co_return http::Response::json(200, out);
        });
  e.add({"POST", kV1AdminMembershipsPath, Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto accounts = id_params(c.params, "account_id");
          auto plans = id_params(c.params, "plan_id");
          auto until = time_param(c.params, "ends_at", "Ends at");
          auto m = co_await memberships_.comp(c.user(), accounts.empty() ? 0 : accounts.front(),
                                              plans.empty() ? 0 : plans.front(), until);
          co_return http::Response::json(200, membership_json(m));
        });
  e.add({"POST", "/api/v1/admin/memberships/:id/end", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto m = co_await memberships_.end_comp(c.user(), path_id(c.request));
          co_return http::Response::json(200, membership_json(m));
        });
  auto seat_json = [](const domain::FundedSeat& f) {
    return json{
        {"id", std::to_string(f.id)},
        {"plan_id", std::to_string(f.plan_id)},
        {"plan", f.plan_name},
        {"months", f.months},
        {"ledger_entry_id",
         f.ledger_entry_id ? json(std::to_string(*f.ledger_entry_id)) : json(nullptr)},
        {"funded_by", f.funded_by},
        {"account_id", f.account_id ? json(std::to_string(*f.account_id)) : json(nullptr)},
        {"acct", f.acct ? json(*f.acct) : json(nullptr)},
        {"assigned_at", f.assigned_at ? json(format_iso8601_ms(*f.assigned_at)) : json(nullptr)}};
  };
  e.add({"GET", kV1AdminSeatsPath, Access::kUser, {"admin:read"}},
        [this, seat_json](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          auto seats = co_await memberships_.seats(c.user());
          for (const auto& f : seats) out.push_back(seat_json(f));
          co_return http::Response::json(200, out);
        });
  e.add({"POST", kV1AdminSeatsPath, Access::kUser, {"admin:write"}},
        [this, seat_json](Call& c) -> awaitable<http::Response> {
          auto plans = id_params(c.params, "plan_id");
          auto entries = id_params(c.params, "ledger_entry_id");
          auto months = c.params.integer("months").value_or(0);
          std::optional<std::int64_t> entry;
          if (!entries.empty()) entry = entries.front();
          auto seat = co_await memberships_.record_seat(
              c.user(), plans.empty() ? 0 : plans.front(),
              months < 0 || months > 1000 ? 0 : static_cast<int>(months), entry);
          co_return http::Response::json(200, seat_json(seat));
        });
  e.add({"POST", "/api/v1/admin/seats/:id/assign", Access::kUser, {"admin:write"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto accounts = id_params(c.params, "account_id");
          auto m = co_await memberships_.assign_seat(c.user(), path_id(c.request),
                                                     accounts.empty() ? 0 : accounts.front());
          co_return http::Response::json(200, membership_json(m));
        });
  e.add({"GET", kV1AdminMembershipsPath, Access::kUser, {"admin:read"}},
        [this](Call& c) -> awaitable<http::Response> {
          json out = json::array();
          for (const auto& m : co_await memberships_.memberships(c.user())) {
            out.push_back(membership_json(m));
          }
          co_return http::Response::json(200, out);
        });
}

}  // namespace lox::api::mastodon
