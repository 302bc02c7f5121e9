#pragma once

#include <loxodon/db/read_from.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/domain/status.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/instance/read_your_writes.hpp>
#include <loxodon/services/statuses/status_page.hpp>
#include <loxodon/util/asio.hpp>

#include <cstdint>
#include <vector>

namespace lox::db {
class Database;
class Tx;
}  // namespace lox::db

namespace lox::services {

// The read model of statuses: every status any service or handler shows is rendered here, as
// the viewer may see it (visibility, the originals of boosts, the viewer's filters). Services
// that show statuses depend on this, never on the services that change them.
//
// get, context and history are what handlers show: they read from the replica unless the
// viewer wrote lately (ReadYourWrites), and a status the replica does not have yet is looked for
// on the primary before a 404. Everything else reads the primary unless told otherwise: services
// render what they have just written.
class StatusReader {
 public:
  StatusReader(db::Database& db, const ReadYourWrites& recent);

  // The status as the viewer sees it; 404 when it is gone or hidden from them.
  awaitable<StatusPage> get(std::int64_t id, std::int64_t viewer);
  // The status when the viewer may see it, else an empty page (no visibility error).
  awaitable<StatusPage> one(std::int64_t id, std::int64_t viewer);
  // The row of a status the viewer may see; 404 otherwise (a private status's existence is not
  // revealed).
  awaitable<domain::Status> visible(std::int64_t id, std::int64_t viewer);
  // `context` says where the statuses are shown, for the viewer's filters (see FilterContext).
  awaitable<std::vector<domain::StatusView>> many(
      std::vector<std::int64_t> ids, std::int64_t viewer,
      domain::FilterContext context = domain::FilterContext::kNone);
  // Renders ids already filtered for `viewer` (timeline queries apply visibility in SQL).
  // `from`: where the ids were read (a page read on the replica is rendered there too).
  awaitable<StatusPage> render(std::vector<std::int64_t> ids, std::int64_t viewer,
                               domain::FilterContext context = domain::FilterContext::kNone,
                               db::ReadFrom from = db::ReadFrom::kPrimary);
  // Renders status `id` for each of `viewers`, who may all see it (streaming checks that);
  // viewers whose filters hide it in `context` get nothing.
  awaitable<std::vector<SharedStatusPage>> render_for_viewers(std::int64_t id,
                                                              std::vector<std::int64_t> viewers,
                                                              domain::FilterContext context);
  // (cursor, status id) rows rendered for the viewer, cursors kept for the Link header.
  awaitable<CursorStatusPage> render_cursor_rows(db::CursorRows rows, std::int64_t viewer,
                                                 db::ReadFrom from = db::ReadFrom::kPrimary);
  // (cursor, account id) rows as accounts, suspended ones left out.
  awaitable<AccountPage> render_account_rows(db::CursorRows rows);
  awaitable<StatusContext> context(std::int64_t id, std::int64_t viewer);
  awaitable<StatusHistory> history(std::int64_t id, std::int64_t viewer);

  // Rendered statuses completed into a page inside the caller's read: the originals of boosts
  // (a boost whose original is gone or hidden from the viewer is not shown), then the viewer's
  // filters for `context`.
  static StatusPage complete_page(db::Tx& tx, std::vector<domain::StatusView> views,
                                  std::int64_t viewer, domain::FilterContext context);

 private:
  db::Database& db_;
  const ReadYourWrites& recent_;
};

}  // namespace lox::services
