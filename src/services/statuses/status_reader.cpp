#include "services/read_or_primary.hpp"

#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/db/stream_repository.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/error.hpp>

#include <algorithm>

namespace lox::services {

namespace {

Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }

// Keeps the filter results that apply in `context` (a boost shows its original's); in a real
// context, statuses a "hide" filter matches are dropped, as Mastodon drops them.
void apply_filter_context(StatusPage& page, domain::FilterContext context) {
  auto keep = [&](std::vector<domain::FilterResult>& results) {
    std::erase_if(results,
                  [&](const domain::FilterResult& r) { return !r.filter.applies_in(context); });
  };
  for (auto& entry : page.reblogged) keep(entry.second.filtered);
  for (auto& v : page.statuses) {
    if (!v.status.reblog_of_id) {
      keep(v.filtered);
      continue;
    }
    auto it = page.reblogged.find(*v.status.reblog_of_id);
    v.filtered =
        it != page.reblogged.end() ? it->second.filtered : std::vector<domain::FilterResult>{};
  }
  if (context == domain::FilterContext::kNone) return;
  std::erase_if(page.statuses, [](const domain::StatusView& v) {
    return std::any_of(v.filtered.begin(), v.filtered.end(), [](const domain::FilterResult& r) {
      return r.filter.action == domain::FilterAction::kHide;
    });
  });
}

// Statuses with the originals of any boosts, as `viewer` may see them, filtered for `context`.
StatusPage load_in(db::Tx& tx, const std::vector<std::int64_t>& ids, std::int64_t viewer,
                   domain::FilterContext context = domain::FilterContext::kNone) {
  return StatusReader::complete_page(tx, db::StatusRepository::views(tx, ids, viewer), viewer,
                                     context);
}

// The status alone when the viewer may see it, else an empty page.
StatusPage shown_in(db::Tx& tx, std::int64_t id, std::int64_t viewer) {
  if (!db::StatusRepository::visible(tx, id, viewer)) return {};
  return load_in(tx, std::vector<std::int64_t>{id}, viewer);
}

}  // namespace

StatusReader::StatusReader(db::Database& db, const ReadYourWrites& recent)
    : db_(db), recent_(recent) {}

StatusPage StatusReader::complete_page(db::Tx& tx, std::vector<domain::StatusView> views,
                                       std::int64_t viewer, domain::FilterContext context) {
  StatusPage page;
  page.statuses = std::move(views);
  std::vector<std::int64_t> originals;
  for (const auto& v : page.statuses) {
    if (v.status.reblog_of_id) originals.push_back(*v.status.reblog_of_id);
  }
  if (!originals.empty()) {
    // A boost shows only an original the viewer may see (one statement for the page).
    for (auto& v : db::StatusRepository::views(
             tx, db::StatusRepository::visible_ids(tx, originals, viewer), viewer)) {
      page.reblogged.emplace(v.status.id, std::move(v));
    }
    std::erase_if(page.statuses, [&](const domain::StatusView& v) {
      return v.status.reblog_of_id && !page.reblogged.contains(*v.status.reblog_of_id);
    });
  }
  apply_filter_context(page, context);
  return page;
}

awaitable<StatusPage> StatusReader::render(std::vector<std::int64_t> ids, std::int64_t viewer,
                                           domain::FilterContext context, db::ReadFrom from) {
  co_return co_await db_.read([&](db::Tx& tx) { return load_in(tx, ids, viewer, context); }, from);
}

awaitable<std::vector<SharedStatusPage>> StatusReader::render_for_viewers(
    std::int64_t id, std::vector<std::int64_t> viewers, domain::FilterContext context) {
  co_return co_await db_.read([&](db::Tx& tx) {
    std::vector<SharedStatusPage> out;
    auto status = db::StatusRepository::find(tx, id);
    if (!status || viewers.empty()) return out;
    std::vector<std::int64_t> ids{id};
    if (status->reblog_of_id) ids.push_back(*status->reblog_of_id);
    auto personal = db::StreamRepository::personal_viewers(tx, ids, viewers);
    // A boost of a followers-only post (its author's own) shows the original only to those
    // who may see it: the rendering for no one in particular would leave it out.
    if (status->reblog_of_id) {
      auto original = db::StatusRepository::find(tx, *status->reblog_of_id);
      if (!original || original->visibility > domain::Visibility::kUnlisted) personal = viewers;
    }
    std::sort(personal.begin(), personal.end());
    SharedStatusPage shared;
    for (auto v : viewers) {
      if (!std::binary_search(personal.begin(), personal.end(), v)) shared.viewers.push_back(v);
    }
    std::vector<std::int64_t> one{id};
    if (!shared.viewers.empty()) {
      // Nothing in this rendering is the viewer's own: the logged-out view is the same.
      shared.page = load_in(tx, one, 0, context);
      if (!shared.page.statuses.empty()) out.push_back(std::move(shared));
    }
    for (auto v : personal) {
      SharedStatusPage own{{v}, load_in(tx, one, v, context)};
      if (!own.page.statuses.empty()) out.push_back(std::move(own));
    }
    return out;
  });
}

awaitable<StatusPage> StatusReader::one(std::int64_t id, std::int64_t viewer) {
  // A named vector: GCC 12 rejects braced lists as coroutine arguments inside co_await.
  std::vector<std::int64_t> ids{id};
  co_return co_await render(ids, viewer);
}

awaitable<domain::Status> StatusReader::visible(std::int64_t id, std::int64_t viewer) {
  auto found = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::Status> {
    if (!db::StatusRepository::visible(tx, id, viewer)) return std::nullopt;
    return db::StatusRepository::find(tx, id);
  });
  // 404 rather than 403: a private status's existence is not revealed.
  if (!found) throw not_found();
  co_return *found;
}

awaitable<StatusPage> StatusReader::get(std::int64_t id, std::int64_t viewer) {
  auto page = co_await read_or_primary(db_, recent_.read_from(viewer),
                                       [&](db::Tx& tx) -> std::optional<StatusPage> {
                                         auto p = shown_in(tx, id, viewer);
                                         if (p.statuses.empty()) return std::nullopt;
                                         return p;
                                       });
  if (!page) throw not_found();
  co_return std::move(*page);
}

awaitable<std::vector<domain::StatusView>> StatusReader::many(std::vector<std::int64_t> ids,
                                                              std::int64_t viewer,
                                                              domain::FilterContext context) {
  // From the primary: the ids usually come from there (search results just resolved,
  // notifications), and a status the replica lacks would silently go missing.
  co_return co_await db_.read([&](db::Tx& tx) {
    auto visible_ids = db::StatusRepository::visible_ids(tx, ids, viewer);
    StatusPage page;
    page.statuses = db::StatusRepository::views(tx, visible_ids, viewer);
    apply_filter_context(page, context);
    return page.statuses;
  });
}

awaitable<CursorStatusPage> StatusReader::render_cursor_rows(db::CursorRows rows,
                                                             std::int64_t viewer,
                                                             db::ReadFrom from) {
  CursorStatusPage out;
  std::vector<std::int64_t> ids;
  for (const auto& [cursor, id] : rows) {
    ids.push_back(id);
    out.cursors.push_back(cursor);
  }
  out.page = co_await render(ids, viewer, domain::FilterContext::kNone, from);
  co_return out;
}

awaitable<AccountPage> StatusReader::render_account_rows(db::CursorRows rows) {
  co_return co_await db_.tx([&](db::Tx& tx) {
    AccountPage page;
    for (const auto& [cursor, id] : rows) {
      auto a = db::AccountRepository::find(tx, id);
      if (a && !a->suspended_at) {
        page.accounts.push_back(*a);
        page.cursors.push_back(cursor);
      }
    }
    return page;
  });
}

awaitable<StatusContext> StatusReader::context(std::int64_t id, std::int64_t viewer) {
  auto ctx = co_await read_or_primary(
      db_, recent_.read_from(viewer), [&](db::Tx& tx) -> std::optional<StatusContext> {
        if (!db::StatusRepository::visible(tx, id, viewer)) return std::nullopt;
        constexpr auto kThread = domain::FilterContext::kThread;
        StatusContext c;
        c.ancestors = load_in(tx, db::StatusRepository::ancestors(tx, id, viewer), viewer, kThread);
        c.descendants =
            load_in(tx, db::StatusRepository::descendants(tx, id, viewer), viewer, kThread);
        return c;
      });
  if (!ctx) throw not_found();
  co_return std::move(*ctx);
}

awaitable<StatusHistory> StatusReader::history(std::int64_t id, std::int64_t viewer) {
  auto h = co_await read_or_primary(db_, recent_.read_from(viewer),
                                    [&](db::Tx& tx) -> std::optional<StatusHistory> {
                                      auto page = shown_in(tx, id, viewer);
                                      if (page.statuses.empty()) return std::nullopt;
                                      StatusHistory out;
                                      out.versions = db::StatusRepository::edits(tx, id);
                                      out.current = std::move(page.statuses[0]);
                                      return out;
                                    });
  if (!h) throw not_found();
  co_return std::move(*h);
}

}  // namespace lox::services
