#include "api/mastodon/statuses_cleanup/cleanup_update_params.hpp"

#include <loxodon/services/validation_errors.hpp>

namespace lox::api::mastodon {

services::StatusesCleanupUpdate cleanup_update_from(const http::Params& params) {
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

}  // namespace lox::api::mastodon
