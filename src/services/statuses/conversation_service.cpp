#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/statuses/conversation_service.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

ConversationService::ConversationService(db::Database& db, StatusReader& statuses)
    : db_(db), statuses_(statuses) {}

awaitable<ConversationPage> ConversationService::render(std::int64_t me,
                                                        std::vector<domain::Conversation> rows) {
  std::vector<std::int64_t> last_ids;
  for (const auto& r : rows) last_ids.push_back(r.last_status_id);
  // Visibility is checked again: a block since the message was sent hides it.
  auto visible = co_await statuses_.many(last_ids, me);
  ConversationPage out;
  out.statuses.statuses = visible;
  co_await db_.read([&](db::Tx& tx) {
    for (const auto& r : rows) {
      ConversationView view;
      view.row = r;
      for (const auto& v : visible) {
        if (v.status.id == r.last_status_id) view.last_status = v;
      }
      std::vector<std::int64_t> people = r.participant_ids;
      if (people.empty()) people.push_back(me);
      for (auto id : people) {
        auto a = db::AccountRepository::find(tx, id);
        if (a && !a->suspended_at) view.accounts.push_back(*a);
      }
      out.cursors.push_back(r.last_status_id);
      out.items.push_back(std::move(view));
    }
  });
  co_return out;
}

awaitable<ConversationPage> ConversationService::list(std::int64_t me, domain::PageRequest page) {
  auto rows =
      co_await db_.read([&](db::Tx& tx) { return db::ConversationRepository::page(tx, me, page); });
  co_return co_await render(me, std::move(rows));
}

awaitable<ConversationPage> ConversationService::get(std::int64_t me, std::int64_t id) {
  auto row =
      co_await db_.read([&](db::Tx& tx) { return db::ConversationRepository::get(tx, me, id); });
  if (!row) throw Error(ErrorCode::kNotFound, "Record not found");
  std::vector<domain::Conversation> rows{*row};
  co_return co_await render(me, std::move(rows));
}

awaitable<ConversationPage> ConversationService::mark_read(std::int64_t me, std::int64_t id) {
  auto row = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::Conversation> {
    if (!db::ConversationRepository::mark_read(tx, me, id)) return std::nullopt;
    return db::ConversationRepository::get(tx, me, id);
  });
  if (!row) throw Error(ErrorCode::kNotFound, "Record not found");
  std::vector<domain::Conversation> rows{*row};
  co_return co_await render(me, std::move(rows));
}

awaitable<void> ConversationService::remove(std::int64_t me, std::int64_t id) {
  bool removed =
      co_await db_.tx([&](db::Tx& tx) { return db::ConversationRepository::remove(tx, me, id); });
  if (!removed) throw Error(ErrorCode::kNotFound, "Record not found");
}

}  // namespace lox::services
