#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/scheduled_status_serializer.hpp"

#include <loxodon/api/mastodon/scheduled_statuses/scheduled_statuses_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> ScheduledStatusesModule::show(Call& call) {
  std::int64_t id = path_id(call.request);
  auto row = co_await scheduled_.get(call.user().account.id, id);
  co_return http::Response::json(200, scheduled_status_json(row));
}

}  // namespace lox::api::mastodon
