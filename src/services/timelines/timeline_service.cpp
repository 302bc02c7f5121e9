#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/timelines/timeline_service.hpp>

#include <string>

namespace lox::services {

TimelineService::TimelineService(db::Database& db, StatusReader& reader,
                                 const ReadYourWrites& recent)
    : db_(db), reader_(reader), recent_(recent) {}

// Home and public timelines read the page and render it in one round of statements without a
// transaction.
awaitable<StatusPage> TimelineService::home(std::int64_t account_id, domain::PageRequest page) {
  co_return co_await db_.read(
      [&](db::Tx& tx) {
        return StatusReader::complete_page(tx,
                                           db::StatusRepository::home_views(tx, account_id, page),
                                           account_id, domain::FilterContext::kHome);
      },
      recent_.read_from(account_id));
}

awaitable<StatusPage> TimelineService::public_timeline(std::int64_t viewer,
                                                       domain::PublicTimelineScope scope,
                                                       bool only_media, domain::PageRequest page) {
  co_return co_await db_.read(
      [&](db::Tx& tx) {
        return StatusReader::complete_page(
            tx, db::StatusRepository::public_views(tx, viewer, scope, only_media, page), viewer,
            domain::FilterContext::kPublic);
      },
      recent_.read_from(viewer));
}

awaitable<StatusPage> TimelineService::tag_timeline(std::int64_t viewer,
                                                    domain::TagTimelineFilter filter,
                                                    domain::PageRequest page) {
  auto clean = [](std::string& name) {
    if (!name.empty() && name.front() == '#') name.erase(0, 1);
    name = domain::lowercase(name);
  };
  clean(filter.tag);
  for (auto* names : {&filter.any, &filter.all, &filter.none}) {
    for (auto& n : *names) clean(n);
    std::erase_if(*names, [](const std::string& n) { return n.empty(); });
    if (names->size() > 4) names->resize(4);  // Mastodon's limit per list
  }
  const auto from = recent_.read_from(viewer);
  auto ids = co_await db_.read(
      [&](db::Tx& tx) { return db::StatusRepository::tag_page(tx, viewer, filter, page); }, from);
  co_return co_await reader_.render(ids, viewer, domain::FilterContext::kPublic, from);
}

awaitable<StatusPage> TimelineService::account_statuses(std::int64_t viewer,
                                                        std::int64_t account_id,
                                                        bool exclude_reblogs, bool exclude_replies,
                                                        bool only_media, domain::PageRequest page) {
  const auto from = recent_.read_from(viewer);
  auto ids = co_await db_.read(
      [&](db::Tx& tx) {
        return db::StatusRepository::account_page(tx, viewer, account_id, exclude_reblogs,
                                                  exclude_replies, only_media, page);
      },
      from);
  co_return co_await reader_.render(ids, viewer, domain::FilterContext::kAccount, from);
}

awaitable<StatusPage> TimelineService::pinned(std::int64_t viewer, std::int64_t account_id) {
  const auto from = recent_.read_from(viewer);
  auto ids = co_await db_.read(
      [&](db::Tx& tx) { return db::StatusRepository::pinned(tx, account_id, viewer); }, from);
  co_return co_await reader_.render(ids, viewer, domain::FilterContext::kAccount, from);
}

awaitable<CursorStatusPage> TimelineService::favourites(std::int64_t me, domain::PageRequest page) {
  const auto from = recent_.read_from(me);
  auto rows = co_await db_.read(
      [&](db::Tx& tx) { return db::StatusRepository::favourites_page(tx, me, page); }, from);
  co_return co_await reader_.render_cursor_rows(std::move(rows), me, from);
}

awaitable<CursorStatusPage> TimelineService::bookmarks(std::int64_t me, domain::PageRequest page) {
  const auto from = recent_.read_from(me);
  auto rows = co_await db_.read(
      [&](db::Tx& tx) { return db::StatusRepository::bookmarks_page(tx, me, page); }, from);
  co_return co_await reader_.render_cursor_rows(std::move(rows), me, from);
}

}  // namespace lox::services
