#include "api/mastodon/pagination.hpp"
#include "api/mastodon/scheduled_status_serializer.hpp"

#include <loxodon/api/mastodon/scheduled_statuses/scheduled_statuses_module.hpp>

namespace lox::api::mastodon {

// The user's statuses waiting to be posted, paged by id.
awaitable<http::Response> ScheduledStatusesModule::list(Call& call) {
  auto rows = co_await scheduled_.list(call.user().account.id, page_request(call.params, 20, 40));
  nlohmann::json out = nlohmann::json::array();
  std::vector<std::int64_t> cursors;
  for (const auto& row : rows) {
    out.push_back(scheduled_status_json(row));
    cursors.push_back(row.id);
  }
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
