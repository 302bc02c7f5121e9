#pragma once

#include <loxodon/db/cursor_row.hpp>
#include <loxodon/db/tx.hpp>
#include <loxodon/domain/marker.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/domain/public_timeline_scope.hpp>
#include <loxodon/domain/status.hpp>
#include <loxodon/domain/status_edit.hpp>
#include <loxodon/domain/tag_timeline_filter.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

struct NewStatus {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string uri;
  std::string url;
  std::string text;
  std::string spoiler_text;
  std::string content;
  domain::Visibility visibility = domain::Visibility::kPublic;
  bool sensitive = false;
  std::optional<std::string> language;
  std::optional<std::int64_t> in_reply_to_id;
  std::optional<std::int64_t> in_reply_to_account_id;
  std::optional<std::int64_t> reblog_of_id;
  std::optional<std::int64_t> application_id;
  std::int64_t conversation_id = 0;
};

struct PollForVote {
  std::int64_t status_id = 0;
  std::int64_t account_id = 0;
  int option_count = 0;
  bool multiple = false;
  bool expired = false;
  bool voted = false;
};

// A status known by its ActivityPub id: its row and its author.
struct StatusRef {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
};

// The poll a status carries, and the poll's author.
struct PollRef {
  std::int64_t poll_id = 0;
  std::int64_t account_id = 0;
};

class StatusRepository {
 public:
  static void insert(Tx& tx, const NewStatus& status);
  // A remote status (its uri unique); false when it was stored already.
  static bool insert_remote(Tx& tx, const NewStatus& status);
  // The live status with this ActivityPub id.
  static std::optional<StatusRef> by_uri(Tx& tx, const std::string& uri);
  // The inboxes (shared where they have one) of an account's remote followers, each once.
  static std::vector<std::string> remote_follower_inboxes(Tx& tx, std::int64_t account_id);
  static void add_mentions(Tx& tx, std::int64_t status_id,
                           const std::vector<std::int64_t>& account_ids);
  // The accounts a status mentions, by id.
  static std::vector<std::int64_t> mentioned_accounts(Tx& tx, std::int64_t status_id);
  static void add_tags(Tx& tx, std::int64_t status_id, const std::vector<std::string>& names);
  static void bump_replies(Tx& tx, std::int64_t status_id, int delta);
  static void bump_reblogs(Tx& tx, std::int64_t status_id, int delta);
  static void bump_favourites(Tx& tx, std::int64_t status_id, int delta);
  static void touch_author(Tx& tx, std::int64_t account_id);

  static std::optional<domain::Status> find(Tx& tx, std::int64_t id);
  // Whether `viewer` (0 when logged out) may see the status (StatusPolicy#show?).
  static bool visible(Tx& tx, std::int64_t id, std::int64_t viewer);
  // The ids among `ids` the viewer may see, in the order given.
  static std::vector<std::int64_t> visible_ids(Tx& tx, const std::vector<std::int64_t>& ids,
                                               std::int64_t viewer);
  // Statuses with their authors, mentions, tags and the viewer's flags, in the order of `ids`
  // (missing or deleted ones are left out). Callers check visibility first.
  static std::vector<domain::StatusView> views(Tx& tx, const std::vector<std::int64_t>& ids,
                                               std::int64_t viewer);
  // Deletes a status and every boost of it; returns the ids deleted.
  static std::vector<std::int64_t> soft_delete(Tx& tx, std::int64_t id);
  static std::int64_t conversation_of(Tx& tx, std::int64_t id);
  static std::vector<std::int64_t> ancestors(Tx& tx, std::int64_t id, std::int64_t viewer);
  static std::vector<std::int64_t> descendants(Tx& tx, std::int64_t id, std::int64_t viewer);

  static bool favourite(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                        std::int64_t status_id);
  static bool unfavourite(Tx& tx, std::int64_t account_id, std::int64_t status_id);
  static bool bookmark(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                       std::int64_t status_id);
  static bool unbookmark(Tx& tx, std::int64_t account_id, std::int64_t status_id);
  static std::optional<std::int64_t> reblog_by(Tx& tx, std::int64_t status_id,
                                               std::int64_t account_id);

  static std::optional<std::int64_t> idempotent_status(Tx& tx, std::int64_t account_id,
                                                       const std::string& key);
  static void remember_idempotency(Tx& tx, std::int64_t account_id, const std::string& key,
                                   std::int64_t status_id);

  static void fan_out(Tx& tx, std::int64_t status_id);

  static CursorRows favourites_page(Tx& tx, std::int64_t account_id,
                                    const domain::PageRequest& page);
  static CursorRows bookmarks_page(Tx& tx, std::int64_t account_id,
                                   const domain::PageRequest& page);
  static CursorRows reblogged_by(Tx& tx, std::int64_t status_id, const domain::PageRequest& page);
  static CursorRows favourited_by(Tx& tx, std::int64_t status_id, const domain::PageRequest& page);
  static CursorRows blocks_page(Tx& tx, std::int64_t account_id, const domain::PageRequest& page);
  static CursorRows mutes_page(Tx& tx, std::int64_t account_id, const domain::PageRequest& page);
  static std::vector<std::int64_t> tag_page(Tx& tx, std::int64_t viewer,
                                            const domain::TagTimelineFilter& filter,
                                            const domain::PageRequest& page);
  static std::vector<std::int64_t> pinned(Tx& tx, std::int64_t account_id, std::int64_t viewer);
  static void pin(Tx& tx, std::int64_t account_id, std::int64_t status_id);
  static void unpin(Tx& tx, std::int64_t account_id, std::int64_t status_id);
  static std::int64_t pin_count(Tx& tx, std::int64_t account_id);
  static void mute_conversation(Tx& tx, std::int64_t account_id, std::int64_t conversation_id,
                                bool on);

  // Keeps the current version as an edit, then replaces text, mentions and tags.
  static void edit(Tx& tx, std::int64_t status_id, std::int64_t snapshot_id,
                   const NewStatus& updated);
  static std::vector<domain::StatusEdit> edits(Tx& tx, std::int64_t status_id);

  // A remote poll's counts as its server publishes them (and its end, which may move).
  static void set_remote_poll_counts(Tx& tx, std::int64_t status_id,
                                     const std::vector<std::int64_t>& counts, std::int64_t voters,
                                     std::int64_t expires_in);
  static void insert_poll(Tx& tx, std::int64_t id, std::int64_t status_id, std::int64_t account_id,
                          const std::vector<std::string>& options, bool multiple, bool hide_totals,
                          std::int64_t expires_in_seconds);
  // Locks the poll row for the rest of the transaction (concurrent votes queue up).
  static std::optional<PollForVote> poll_for_vote(Tx& tx, std::int64_t poll_id, std::int64_t voter);
  static void add_vote(Tx& tx, std::int64_t id, std::int64_t poll_id, std::int64_t account_id,
                       int choice);
  static std::vector<std::int64_t> poll_voters(Tx& tx, std::int64_t poll_id);
  static std::optional<PollRef> poll_of_status(Tx& tx, std::int64_t status_id);

  static std::vector<domain::Marker> markers(Tx& tx, std::int64_t account_id,
                                             const std::vector<std::string>& timelines);
  static void set_marker(Tx& tx, std::int64_t account_id, const std::string& timeline,
                         std::int64_t last_read_id);
  // A page of the home or public timeline read and rendered in one statement (as views()).
  static std::vector<domain::StatusView> home_views(Tx& tx, std::int64_t account_id,
                                                    const domain::PageRequest& page);
  static std::vector<domain::StatusView> public_views(Tx& tx, std::int64_t viewer,
                                                      domain::PublicTimelineScope scope,
                                                      bool only_media,
                                                      const domain::PageRequest& page);
  static std::vector<std::int64_t> account_page(Tx& tx, std::int64_t viewer,
                                                std::int64_t account_id, bool exclude_reblogs,
                                                bool exclude_replies, bool only_media,
                                                const domain::PageRequest& page);
};

}  // namespace lox::db
