#include <loxodon/api/mastodon/statuses_cleanup_api.hpp>
#include <loxodon/services/validation_errors.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1StatusesCleanupPolicyPath[] = "/api/v1/statuses_cleanup_policy";

}  // namespace

using nlohmann::json;

namespace {

json policy_json(const domain::StatusesCleanupPolicy& p) {
  auto minimum = [](const std::optional<int>& v) { return v ? json(*v) : json(nullptr); };
  return {{"enabled", p.enabled},
          {"min_status_age_days", p.min_status_age_days},
          {"keep_direct", p.keep_direct},
          {"keep_pinned", p.keep_pinned},
          {"keep_polls", p.keep_polls},
          {"keep_media", p.keep_media},
          {"keep_self_fav", p.keep_self_fav},
          {"keep_self_bookmark", p.keep_self_bookmark},
          {"min_favs", minimum(p.min_favs)},
          {"min_reblogs", minimum(p.min_reblogs)}};
}

// A value that is given but is not a boolean or a number is refused, not ignored.
services::StatusesCleanupUpdate update_of(const http::Params& params) {
  services::ValidationErrors errors;
  services::StatusesCleanupUpdate u;
  auto flag = [&](const char* key, std::optional<bool>& into) {
    into = params.boolean(key);
    if (!into && params.string(key)) errors.add(key, key, "ERR_INVALID", "must be true or false");
  };
  auto number = [&](const char* key, std::optional<long long>& into) {
    into = params.integer(key);
    if (!into && params.string(key)) errors.add(key, key, "ERR_INVALID", "must be a number");
  };
  flag("enabled", u.enabled);
  number("min_status_age_days", u.min_status_age_days);
  flag("keep_direct", u.keep_direct);
  flag("keep_pinned", u.keep_pinned);
  flag("keep_polls", u.keep_polls);
  flag("keep_media", u.keep_media);
  flag("keep_self_fav", u.keep_self_fav);
  flag("keep_self_bookmark", u.keep_self_bookmark);
  number("min_favs", u.min_favs);
  number("min_reblogs", u.min_reblogs);
  errors.throw_if_any();
  return u;
}

}  // namespace

StatusesCleanupApi::StatusesCleanupApi(services::StatusesCleanupService& cleanup)
    : cleanup_(cleanup) {}

void StatusesCleanupApi::add_routes(Endpoints& e) {
  e.add({"GET", kV1StatusesCleanupPolicyPath, Access::kUser, {"read:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto policy = co_await cleanup_.policy(c.user().account.id);
          co_return http::Response::json(200, policy_json(policy));
        });
  e.add({"PUT", kV1StatusesCleanupPolicyPath, Access::kUser, {"write:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto policy = co_await cleanup_.update(c.user().account.id, update_of(c.params));
          co_return http::Response::json(200, policy_json(policy));
        });
}

}  // namespace lox::api::mastodon
