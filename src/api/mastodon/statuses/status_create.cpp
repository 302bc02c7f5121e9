#include "api/mastodon/page_responses.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/scheduled_status_serializer.hpp"
#include "api/mastodon/statuses/post_request_params.hpp"

#include <loxodon/api/mastodon/statuses/statuses_module.hpp>

namespace lox::api::mastodon {

// A new status, posted now, or scheduled when scheduled_at is in the future (then the answer is
// the scheduled status, as Mastodon answers).
awaitable<http::Response> StatusesModule::create(Call& call) {
  services::PostRequest r = post_request_from(call.params);
  r.application_id = call.caller->token.application_id;
  if (auto key = call.request.header("Idempotency-Key")) r.idempotency_key = std::string(*key);
  auto author = call.user();
  auto at = time_param(call.params, "scheduled_at", "Scheduled at");
  auto outcome = co_await scheduled_.post_or_schedule(author, r, at);
  if (outcome.scheduled) {
    co_return http::Response::json(200, scheduled_status_json(*outcome.scheduled));
  }
  co_return status_response(config_, *outcome.posted);
}

}  // namespace lox::api::mastodon
