#include <loxodon/api/mastodon/notifications/notifications_module.hpp>

namespace lox::api::mastodon {

NotificationsModule::NotificationsModule(const config::Config& config,
                                         services::NotificationService& notifications)
    : config_(config), notifications_(notifications) {}

void NotificationsModule::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/notifications", Access::kUser, {"read:notifications"}},
        [this](Call& c) { return list(c); });
  e.add({"GET", "/api/v1/notifications/:id", Access::kUser, {"read:notifications"}},
        [this](Call& c) { return get(c); });
  e.add({"GET", "/api/v1/notifications/unread_count", Access::kUser, {"read:notifications"}},
        [this](Call& c) { return unread_count(c); });
  e.add({"POST", "/api/v1/notifications/clear", Access::kUser, {"write:notifications"}},
        [this](Call& c) { return clear(c); });
  e.add({"POST", "/api/v1/notifications/:id/dismiss", Access::kUser, {"write:notifications"}},
        [this](Call& c) { return dismiss(c); });
}

}  // namespace lox::api::mastodon
