#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/scheduled_status_serializer.hpp"

#include <loxodon/api/mastodon/scheduled_statuses/scheduled_statuses_module.hpp>
#include <loxodon/services/validation_errors.hpp>

namespace lox::api::mastodon {

// Moves a scheduled status to another time; scheduled_at is required here (422 when left out),
// unlike when posting, where its absence means "now".
awaitable<http::Response> ScheduledStatusesModule::reschedule(Call& call) {
  std::int64_t id = path_id(call.request);
  auto at = time_param(call.params, "scheduled_at", "Scheduled at");
  if (!at) {
    services::ValidationErrors errors;
    errors.add("scheduled_at", "Scheduled at", "ERR_BLANK", "can't be blank");
    errors.throw_if_any();
  }
  auto row = co_await scheduled_.reschedule(call.user().account.id, id, *at);
  co_return http::Response::json(200, scheduled_status_json(row));
}

}  // namespace lox::api::mastodon
