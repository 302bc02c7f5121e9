#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/notifications/notifications_module.hpp>

namespace lox::api::mastodon {

// Removes one notification.
awaitable<http::Response> NotificationsModule::dismiss(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await notifications_.dismiss(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
