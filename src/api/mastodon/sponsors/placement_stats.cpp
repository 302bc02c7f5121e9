#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/sponsors/sponsors_module.hpp>

namespace lox::api::mastodon {

// A placement's impressions and clicks, a day at a time.
awaitable<http::Response> SponsorsModule::placement_stats(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : co_await sponsors_.placement_days(call.user(), path_id(call.request))) {
    out.push_back({{"day", d.day}, {"impressions", d.impressions}, {"clicks", d.clicks}});
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
