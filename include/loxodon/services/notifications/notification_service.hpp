#pragma once

#include <loxodon/db/social_repository.hpp>
#include <loxodon/domain/notification.hpp>
#include <loxodon/domain/notification_filter.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/services/statuses/status_reader.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace lox::services {

struct NotificationView {
  domain::Notification row;
  domain::Account from;
  std::optional<std::int64_t> status_id;
};

struct NotificationPage {
  std::vector<NotificationView> items;
  StatusPage statuses;  // the statuses the items refer to, as the recipient may see them
};

class NotificationService {
 public:
  NotificationService(db::Database& db, StatusReader& statuses);

  awaitable<NotificationPage> list(std::int64_t me, domain::NotificationFilter filter,
                                   domain::PageRequest page);
  awaitable<NotificationPage> get(std::int64_t me, std::int64_t id);
  awaitable<void> dismiss(std::int64_t me, std::int64_t id);
  awaitable<void> clear(std::int64_t me);
  // Notifications newer than the "notifications" read marker, counted up to `limit`.
  awaitable<std::int64_t> unread_count(std::int64_t me, int limit);

 private:
  awaitable<NotificationPage> render(std::int64_t me, std::vector<domain::Notification> rows);

  db::Database& db_;
  StatusReader& statuses_;
};

}  // namespace lox::services
