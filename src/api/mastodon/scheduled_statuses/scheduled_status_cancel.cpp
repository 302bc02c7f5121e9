#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/scheduled_statuses/scheduled_statuses_module.hpp>

namespace lox::api::mastodon {

// Cancels a scheduled status: it is never posted.
awaitable<http::Response> ScheduledStatusesModule::cancel(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await scheduled_.cancel(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
