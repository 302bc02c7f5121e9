#include "api/mastodon/filter_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/filters/filters_module.hpp>

namespace lox::api::mastodon {

// The statuses a filter hides.
awaitable<http::Response> FiltersModule::statuses(Call& call) {
  std::int64_t id = path_id(call.request);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : (co_await filters_.get(call.user().account.id, id)).statuses) {
    out.push_back(filter_status_json(s));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
