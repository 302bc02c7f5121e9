#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/page_query.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/status.hpp>
#include <loxodon/domain/status_text.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct PollRequest {
  std::vector<std::string> options;
  std::int64_t expires_in = 0;
  bool multiple = false;
  bool hide_totals = false;
};

struct PostRequest {
  std::string text;
  std::string spoiler_text;
  std::optional<std::string> visibility;
  bool sensitive = false;
  std::optional<std::string> language;
  std::optional<std::int64_t> in_reply_to_id;
  std::optional<std::int64_t> application_id;
  std::optional<std::string> idempotency_key;
  std::optional<PollRequest> poll;
  std::vector<std::int64_t> media_ids;  // the author's own processed uploads, at most four
};

// Statuses as the viewer may see them, with the originals of any boosts among them.
struct StatusPage {
  std::vector<domain::StatusView> statuses;
  std::unordered_map<std::int64_t, domain::StatusView> reblogged;
};

// A page of statuses reached through join rows (favourites, bookmarks): cursors page the list.
struct CursorStatusPage {
  StatusPage page;
  std::vector<std::int64_t> cursors;
};

// One rendering of a status and the viewers it is right for (live streaming renders a status
// once for everyone who has no relation to it, and once more for each viewer who has).
struct SharedStatusPage {
  std::vector<std::int64_t> viewers;
  StatusPage page;
};

struct StatusHistory {
  std::vector<db::StatusEdit> versions;  // oldest first, the current version last
  domain::StatusView current;
};

struct StatusContext {
  StatusPage ancestors;
  StatusPage descendants;
};

// Posting and reading statuses, boosts, favourites and bookmarks, and the timelines built
// from them. Side effects (home feeds, notifications) are durable jobs written in the same
// transaction as the change.
class StatusService {
 public:
  static constexpr const char* kFanOutKind = "status.fan_out";
  static constexpr const char* kNotifyKind = "notification.create";
  static constexpr const char* kPollExpiredKind = "poll.expired";
  static constexpr const char* kPollUpdateKind = "poll.federate_counts";
  // After votes on a local poll: other servers get its new counts (Update(Question)) once the
  // votes settle for a few seconds, one pending update per poll.
  static void enqueue_poll_update(db::Tx& tx, std::int64_t status_id);
  awaitable<void> run_poll_update(std::int64_t status_id);

  StatusService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids);

  awaitable<StatusPage> post(domain::UserWithAccount author, PostRequest request);
  // Every check post() makes, without posting (for statuses scheduled for later).
  awaitable<void> check(domain::UserWithAccount author, PostRequest request);
  awaitable<StatusPage> get(std::int64_t id, std::int64_t viewer);
  // `context` says where the statuses are shown, for the viewer's filters (see FilterContext).
  awaitable<std::vector<domain::StatusView>> many(
      std::vector<std::int64_t> ids, std::int64_t viewer,
      domain::FilterContext context = domain::FilterContext::kNone);
  // Renders ids already filtered for `viewer` (timeline queries apply visibility in SQL).
  awaitable<StatusPage> render(std::vector<std::int64_t> ids, std::int64_t viewer,
                               domain::FilterContext context = domain::FilterContext::kNone);
  // Renders status `id` for each of `viewers`, who may all see it (streaming checks that);
  // viewers whose filters hide it in `context` get nothing.
  awaitable<std::vector<SharedStatusPage>> render_for_viewers(std::int64_t id,
                                                              std::vector<std::int64_t> viewers,
                                                              domain::FilterContext context);
  // Deletes the author's status and returns it with its source text (delete and redraft).
  awaitable<StatusPage> remove(std::int64_t id, std::int64_t author);
  awaitable<StatusContext> context(std::int64_t id, std::int64_t viewer);

  awaitable<StatusPage> favourite(std::int64_t id, std::int64_t account_id, bool on);
  awaitable<StatusPage> bookmark(std::int64_t id, std::int64_t account_id, bool on);
  // Boosting returns the boost (its own status wrapping the original); unboosting the original.
  awaitable<StatusPage> reblog(std::int64_t id, std::int64_t account_id);
  awaitable<StatusPage> unreblog(std::int64_t id, std::int64_t account_id);

  awaitable<StatusPage> home(std::int64_t account_id, db::PageQuery page);
  // only_media: statuses with at least one media attachment.
  awaitable<StatusPage> public_timeline(std::int64_t viewer, db::PublicScope scope, bool only_media,
                                        db::PageQuery page);
  awaitable<StatusPage> account_statuses(std::int64_t viewer, std::int64_t account_id,
                                         bool exclude_reblogs, bool exclude_replies,
                                         bool only_media, db::PageQuery page);

  awaitable<CursorStatusPage> favourites(std::int64_t me, db::PageQuery page);
  awaitable<CursorStatusPage> bookmarks(std::int64_t me, db::PageQuery page);
  awaitable<AccountPage> reblogged_by(std::int64_t id, std::int64_t viewer, db::PageQuery page);
  awaitable<AccountPage> favourited_by(std::int64_t id, std::int64_t viewer, db::PageQuery page);
  // Hashtag names in `filter` may carry '#' and any case.
  awaitable<StatusPage> tag_timeline(std::int64_t viewer, db::TagFilter filter, db::PageQuery page);
  awaitable<StatusPage> pinned(std::int64_t viewer, std::int64_t account_id);
  awaitable<StatusPage> pin(std::int64_t id, std::int64_t me, bool on);
  awaitable<StatusPage> mute_conversation(std::int64_t id, std::int64_t me, bool on);
  // Edits keep every earlier version; mentions and tags follow the new text.
  awaitable<StatusPage> edit(domain::UserWithAccount author, std::int64_t id, PostRequest request);
  awaitable<StatusHistory> history(std::int64_t id, std::int64_t viewer);
  // The status carrying the poll, as the viewer sees it (poll included).
  awaitable<StatusPage> poll(std::int64_t poll_id, std::int64_t viewer);
  awaitable<StatusPage> vote(std::int64_t poll_id, std::int64_t voter, std::vector<int> choices);
  awaitable<std::vector<db::Marker>> markers(std::int64_t me, std::vector<std::string> timelines);
  awaitable<void> set_marker(std::int64_t me, std::string timeline, std::int64_t last_read_id);

  // Job handlers (registered by the application).
  awaitable<void> run_fan_out(std::int64_t status_id);
  awaitable<void> run_notify(nlohmann::json payload);
  awaitable<void> run_poll_expired(std::int64_t status_id);

 private:
  void send_votes(db::Tx& tx, const db::PollForVote& poll, std::int64_t voter,
                  const std::set<int>& choices, const std::vector<std::int64_t>& row_ids);
  void federate(db::Tx& tx, const domain::Status& status, bool deleted, bool updated = false);
  void federate_boost(db::Tx& tx, const domain::Status& boost, bool deleted);
  awaitable<StatusPage> load(std::vector<std::int64_t> ids, std::int64_t viewer,
                             domain::FilterContext context = domain::FilterContext::kNone);
  // (cursor, status id) rows loaded as the viewer may see them, cursors kept for the Link header.
  awaitable<CursorStatusPage> load_cursor_rows(db::CursorRows rows, std::int64_t viewer);
  awaitable<StatusPage> load_one(std::int64_t id, std::int64_t viewer);
  awaitable<domain::Status> visible_status(std::int64_t id, std::int64_t viewer);
  awaitable<AccountPage> accounts_of(db::CursorRows rows);
  // Text checks and rendering shared by posting and editing.
  struct Prepared {
    domain::RenderedStatusText rendered;
    std::optional<domain::Visibility> visibility;
    std::size_t max_poll_options = 0;  // the instance's, or the author's membership's
  };
  void check_poll(const PollRequest& poll, std::size_t max_options) const;
  // `editing`: an edit keeps the status's attachments as they are, so their number is not
  // checked again (a post made under a membership stays editable after it ends).
  awaitable<Prepared> prepare(const domain::UserWithAccount& author, const PostRequest& request,
                              bool editing = false);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

// The fan-out job of a new status (home feeds, mentions, conversations, streams, federation),
// enqueued in the caller's transaction.
void enqueue_fan_out(db::Tx& tx, std::int64_t status_id);

// A notification job, enqueued in the caller's transaction.
void enqueue_notification(db::Tx& tx, std::int64_t account_id, std::int64_t from_account_id,
                          const std::string& type, std::optional<std::int64_t> status_id);

}  // namespace lox::services
