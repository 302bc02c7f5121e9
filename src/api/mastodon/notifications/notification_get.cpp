#include "api/mastodon/notification_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/notifications/notifications_module.hpp>

namespace lox::api::mastodon {

// One notification.
awaitable<http::Response> NotificationsModule::get(Call& call) {
  std::int64_t id = path_id(call.request);
  auto page = co_await notifications_.get(call.user().account.id, id);
  co_return http::Response::json(200, notification_json(config_, page.items.at(0), page.statuses));
}

}  // namespace lox::api::mastodon
