#pragma once

#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/public_timeline_scope.hpp>
#include <loxodon/domain/tag_timeline_filter.hpp>
#include <loxodon/services/instance/read_your_writes.hpp>
#include <loxodon/services/statuses/status_page.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>

#include <cstdint>

namespace lox::db {
class Database;
}

namespace lox::services {

// The lists of statuses a viewer reads: home, public and hashtag timelines, an account's
// statuses and pins, and one's own favourites and bookmarks. Each reads a page of ids (the
// visibility rules are in the query) and renders it through the StatusReader. All of them read
// from the replica, unless the viewer wrote lately (ReadYourWrites): then from the primary.
class TimelineService {
 public:
  TimelineService(db::Database& db, StatusReader& reader, const ReadYourWrites& recent);

  awaitable<StatusPage> home(std::int64_t account_id, domain::PageRequest page);
  // only_media: statuses with at least one media attachment.
  awaitable<StatusPage> public_timeline(std::int64_t viewer, domain::PublicTimelineScope scope,
                                        bool only_media, domain::PageRequest page);
  // Hashtag names in `filter` may carry '#' and any case.
  awaitable<StatusPage> tag_timeline(std::int64_t viewer, domain::TagTimelineFilter filter,
                                     domain::PageRequest page);
  awaitable<StatusPage> account_statuses(std::int64_t viewer, std::int64_t account_id,
                                         bool exclude_reblogs, bool exclude_replies,
                                         bool only_media, domain::PageRequest page);
  awaitable<StatusPage> pinned(std::int64_t viewer, std::int64_t account_id);
  awaitable<CursorStatusPage> favourites(std::int64_t me, domain::PageRequest page);
  awaitable<CursorStatusPage> bookmarks(std::int64_t me, domain::PageRequest page);

 private:
  db::Database& db_;
  StatusReader& reader_;
  const ReadYourWrites& recent_;
};

}  // namespace lox::services
