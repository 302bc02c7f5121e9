#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/status.hpp>
#include <loxodon/domain/status_text.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/statuses/status_page.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <optional>
#include <string>
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

// Writing statuses: posting, editing and deleting one's own. Side effects (home feeds,
// notifications, federation, link cards) are durable jobs written in the same transaction as the
// change; reading is the StatusReader's.
class StatusService {
 public:
  StatusService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                StatusReader& reader);

  awaitable<StatusPage> post(domain::UserWithAccount author, PostRequest request);
  // Every check post() makes, without posting (for statuses scheduled for later).
  awaitable<void> check(domain::UserWithAccount author, PostRequest request);
  // Edits keep every earlier version; mentions and tags follow the new text.
  awaitable<StatusPage> edit(domain::UserWithAccount author, std::int64_t id, PostRequest request);
  // Deletes the author's status and returns it with its source text (delete and redraft).
  awaitable<StatusPage> remove(std::int64_t id, std::int64_t author);

 private:
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
  // The limits that apply to the author's post: the instance's, raised by a membership.
  awaitable<Limits> limits_for(const domain::UserWithAccount& author, std::size_t length,
                               std::size_t media_count, const PostRequest& request);
  // Mentions resolve to local accounts and to remote ones already known here.
  awaitable<domain::RenderedStatusText> render_text(const std::string& text);
  // The edit window, when the instance has one (a membership may extend it).
  awaitable<void> check_edit_window(const domain::UserWithAccount& author,
                                    const domain::Status& current);
  // Inserts a checked post and everything it causes, in one transaction.
  awaitable<void> insert(const domain::UserWithAccount& author, const PostRequest& r,
                         db::NewStatus& row, const Prepared& prepared,
                         const std::optional<domain::Status>& parent);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  StatusReader& reader_;
};

}  // namespace lox::services
