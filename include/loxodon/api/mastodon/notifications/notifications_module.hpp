#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/notifications/notification_service.hpp>

namespace lox::api::mastodon {

// /api/v1/notifications: the signed-in user's notifications. The routes are listed in
// notifications_module.cpp; each handler lives in a file of its own beside it, named after it.
class NotificationsModule {
 public:
  NotificationsModule(const config::Config& config, services::NotificationService& notifications);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> get(Call& call);
  awaitable<http::Response> unread_count(Call& call);
  awaitable<http::Response> clear(Call& call);
  awaitable<http::Response> dismiss(Call& call);

  const config::Config& config_;
  services::NotificationService& notifications_;
};

}  // namespace lox::api::mastodon
