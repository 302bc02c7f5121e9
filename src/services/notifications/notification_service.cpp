#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/notifications/notification_service.hpp>
#include <loxodon/util/error.hpp>

#include <algorithm>

namespace lox::services {

NotificationService::NotificationService(db::Database& db, StatusReader& statuses)
    : db_(db), statuses_(statuses) {}

awaitable<NotificationPage> NotificationService::render(std::int64_t me,
                                                        std::vector<domain::Notification> rows) {
  NotificationPage page;
  std::vector<std::int64_t> status_ids;
  co_await db_.tx([&](db::Tx& tx) {
    for (const auto& row : rows) {
      auto from = db::AccountRepository::find(tx, row.from_account_id);
      if (!from || from->suspended_at) continue;
      page.items.push_back({row, *from, row.status_id});
      if (row.status_id) status_ids.push_back(*row.status_id);
    }
  });
  // Statuses go through the same visibility check as everywhere else.
  auto views = co_await statuses_.many(status_ids, me, domain::FilterContext::kNotifications);
  for (auto& v : views) page.statuses.statuses.push_back(std::move(v));
  std::erase_if(page.items, [&](const NotificationView& n) {
    return n.status_id &&
           std::none_of(page.statuses.statuses.begin(), page.statuses.statuses.end(),
                        [&](const domain::StatusView& v) { return v.status.id == *n.status_id; });
  });
  co_return page;
}

awaitable<NotificationPage> NotificationService::list(std::int64_t me,
                                                      domain::NotificationFilter filter,
                                                      domain::PageRequest page) {
  auto rows = co_await db_.tx(
      [&](db::Tx& tx) { return db::SocialRepository::notifications(tx, me, filter, page); });
  co_return co_await render(me, rows);
}

awaitable<NotificationPage> NotificationService::get(std::int64_t me, std::int64_t id) {
  auto row =
      co_await db_.tx([&](db::Tx& tx) { return db::SocialRepository::notification(tx, me, id); });
  if (!row) throw Error(ErrorCode::kNotFound, "Record not found");
  std::vector<domain::Notification> rows{*row};
  auto page = co_await render(me, rows);
  if (page.items.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  co_return page;
}

awaitable<void> NotificationService::dismiss(std::int64_t me, std::int64_t id) {
  co_await db_.tx([&](db::Tx& tx) { db::SocialRepository::dismiss(tx, me, id); });
}

awaitable<void> NotificationService::clear(std::int64_t me) {
  co_await db_.tx([&](db::Tx& tx) { db::SocialRepository::clear(tx, me); });
}

awaitable<std::int64_t> NotificationService::unread_count(std::int64_t me, int limit) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::SocialRepository::unread_notifications(tx, me, limit); });
}

}  // namespace lox::services
