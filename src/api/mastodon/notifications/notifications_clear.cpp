#include <loxodon/api/mastodon/notifications/notifications_module.hpp>

namespace lox::api::mastodon {

// Removes all of the user's notifications.
awaitable<http::Response> NotificationsModule::clear(Call& call) {
  co_await notifications_.clear(call.user().account.id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
