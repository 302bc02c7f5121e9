#include <loxodon/api/mastodon/notifications/notifications_module.hpp>

#include <algorithm>

namespace lox::api::mastodon {

// How many notifications came since the notifications marker (at most `limit`).
awaitable<http::Response> NotificationsModule::unread_count(Call& call) {
  int limit =
      static_cast<int>(std::clamp<long long>(call.params.integer("limit").value_or(100), 1, 1000));
  auto count = co_await notifications_.unread_count(call.user().account.id, limit);
  co_return http::Response::json(200, {{"count", count}});
}

}  // namespace lox::api::mastodon
