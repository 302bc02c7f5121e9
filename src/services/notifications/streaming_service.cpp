#include <loxodon/db/database.hpp>
#include <loxodon/services/notifications/streaming_service.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

StreamingService::StreamingService(db::Database& db, StatusReader& statuses,
                                   NotificationService& notifications,
                                   ConversationService& conversations,
                                   AnnouncementService& announcements, AuthService& auth)
    : db_(db),
      statuses_(statuses),
      notifications_(notifications),
      conversations_(conversations),
      announcements_(announcements),
      auth_(auth) {}

awaitable<std::optional<domain::StreamStatusFacts>> StreamingService::status_facts(
    std::int64_t status_id) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::StreamRepository::status_facts(tx, status_id); });
}

awaitable<StatusAudience> StreamingService::status_audience(
    std::int64_t status_id, std::vector<std::int64_t> home_candidates,
    std::vector<std::int64_t> lists, std::vector<std::int64_t> public_candidates) {
  co_return co_await db_.read([&](db::Tx& tx) {
    StatusAudience out;
    out.home = db::StreamRepository::home_audience(tx, status_id, home_candidates);
    out.lists = db::StreamRepository::list_audience(tx, status_id, lists);
    out.public_viewers = db::StreamRepository::public_audience(tx, status_id, public_candidates);
    return out;
  });
}

awaitable<std::vector<SharedStatusPage>> StreamingService::render_status(
    std::int64_t status_id, std::vector<std::int64_t> viewers, domain::FilterContext context) {
  co_return co_await statuses_.render_for_viewers(status_id, std::move(viewers), context);
}

awaitable<std::optional<NotificationPage>> StreamingService::notification(
    std::int64_t account_id, std::int64_t notification_id) {
  std::optional<NotificationPage> page;
  try {
    page = co_await notifications_.get(account_id, notification_id);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
  }
  if (page && page->items.empty()) page.reset();
  co_return page;
}

awaitable<std::vector<std::pair<std::int64_t, ConversationPage>>> StreamingService::conversations(
    std::int64_t status_id, std::vector<std::int64_t> accounts) {
  auto rows = co_await db_.read([&](db::Tx& tx) {
    return db::StreamRepository::conversation_audience(tx, status_id, accounts);
  });
  std::vector<std::pair<std::int64_t, ConversationPage>> out;
  for (const auto& row : rows) {
    // One conversation removed meanwhile must not keep the others from their owners.
    std::optional<ConversationPage> page;
    try {
      page = co_await conversations_.get(row.account_id, row.conversation_id);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kNotFound) throw;
    }
    if (page && !page->items.empty() && page->items[0].last_status) {
      out.emplace_back(row.account_id, std::move(*page));
    }
  }
  co_return out;
}

awaitable<bool> StreamingService::owns_list(std::int64_t account_id, std::int64_t list_id) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::StreamRepository::owns_list(tx, account_id, list_id); });
}

awaitable<std::optional<domain::Announcement>> StreamingService::announcement(std::int64_t id) {
  co_return co_await announcements_.neutral(id);
}

awaitable<std::int64_t> StreamingService::reaction_count(std::int64_t announcement_id,
                                                         std::string name) {
  co_return co_await announcements_.reaction_count(announcement_id, std::move(name));
}

awaitable<bool> StreamingService::still_authorized(std::string access_token) {
  auto caller = co_await auth_.authenticate(std::move(access_token));
  co_return caller && caller->user && !login_blocked_reason(*caller->user);
}

}  // namespace lox::services
