#include "db/account_rows.hpp"
#include "db/fields.hpp"
#include "db/paged_statement.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/filter_repository.hpp>
#include <loxodon/db/preview_card_repository.hpp>
#include <loxodon/db/status_repository.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace lox::db {

namespace {

// How many columns LOX_STATUS_COLUMNS selects (db/status_statements.hpp): where a status
// view's author columns start.
constexpr int kStatusColumnCount = 20;

domain::Status read_status(const pqxx::row& row) {
  domain::Status s;
  s.id = row[0].as<std::int64_t>();
  s.account_id = row[1].as<std::int64_t>();
  s.local = row[2].as<bool>();
  s.uri = nullable<std::string>(row[3]);
  s.url = nullable<std::string>(row[4]);
  s.created_at = *ms_time(row[5]);
  s.edited_at = ms_time(row[6]);
  s.text = row[7].as<std::string>();
  s.spoiler_text = row[8].as<std::string>();
  s.content = row[9].as<std::string>();
  s.visibility = static_cast<domain::Visibility>(row[10].as<int>());
  s.sensitive = row[11].as<bool>();
  s.language = nullable<std::string>(row[12]);
  s.in_reply_to_id = nullable<std::int64_t>(row[13]);
  s.in_reply_to_account_id = nullable<std::int64_t>(row[14]);
  s.reblog_of_id = nullable<std::int64_t>(row[15]);
  s.application_id = nullable<std::int64_t>(row[16]);
  s.replies_count = row[17].as<std::int64_t>();
  s.reblogs_count = row[18].as<std::int64_t>();
  s.favourites_count = row[19].as<std::int64_t>();
  return s;
}

std::vector<std::int64_t> ids_of(const pqxx::result& r) {
  std::vector<std::int64_t> out;
  out.reserve(r.size());
  for (const auto& row : r) out.push_back(row[0].as<std::int64_t>());
  return out;
}

// Ids of a page (see paged_rows).
template <class... Args>
std::vector<std::int64_t> page_ids(Tx& tx, const char* down, const char* up,
                                   const domain::PageRequest& p, std::int64_t first,
                                   Args&&... rest) {
  return paged_rows<std::int64_t>(tx, down, up, p, ids_of, first, std::forward<Args>(rest)...);
}

}  // namespace

void StatusRepository::insert(Tx& tx, const NewStatus& n) {
  tx.exec("status_insert", n.id, n.account_id, n.uri, n.url, n.text, n.spoiler_text, n.content,
          static_cast<int>(n.visibility), n.sensitive, n.language, n.in_reply_to_id,
          n.in_reply_to_account_id, n.reblog_of_id, n.application_id, n.conversation_id);
}

void StatusRepository::add_mentions(Tx& tx, std::int64_t status_id,
                                    const std::vector<std::int64_t>& account_ids) {
  for (auto id : account_ids) tx.exec("mention_insert", status_id, id);
}

void StatusRepository::add_tags(Tx& tx, std::int64_t status_id,
                                const std::vector<std::string>& names) {
  for (const auto& name : names) {
    auto tag_id = tx.exec1("tag_upsert", name)[0].as<std::int64_t>();
    tx.exec("status_tag_insert", tag_id, status_id);
  }
}

void StatusRepository::bump_replies(Tx& tx, std::int64_t id, int delta) {
  tx.exec("status_reply_count", id, delta);
}
void StatusRepository::bump_reblogs(Tx& tx, std::int64_t id, int delta) {
  tx.exec("status_reblog_count", id, delta);
}
void StatusRepository::bump_favourites(Tx& tx, std::int64_t id, int delta) {
  tx.exec("status_favourite_count", id, delta);
}
void StatusRepository::touch_author(Tx& tx, std::int64_t account_id) {
  tx.exec("status_touch_account", account_id);
}

std::optional<domain::Status> StatusRepository::find(Tx& tx, std::int64_t id) {
  auto r = tx.exec("status_by_id", id);
  if (r.empty()) return std::nullopt;
  return read_status(r[0]);
}

bool StatusRepository::visible(Tx& tx, std::int64_t id, std::int64_t viewer) {
  return !tx.exec("status_visible", id, viewer).empty();
}

std::vector<std::int64_t> StatusRepository::visible_ids(Tx& tx,
                                                        const std::vector<std::int64_t>& ids,
                                                        std::int64_t viewer) {
  if (ids.empty()) return {};
  auto found = ids_of(tx.exec("statuses_visible", to_pg_bigint_array(ids), viewer));
  std::vector<std::int64_t> out;
  for (auto id : ids) {
    if (std::find(found.begin(), found.end(), id) != found.end()) out.push_back(id);
  }
  return out;
}

namespace {
// Each mention as [account id, username, domain or null, url or null].
void read_mentions(const char* text, std::vector<domain::MentionView>& out) {
  for (const auto& m : nlohmann::json::parse(text)) {
    domain::MentionView mention;
    mention.account_id = std::stoll(m[0].get<std::string>());
    mention.username = m[1].get<std::string>();
    mention.acct =
        m[2].is_string() ? mention.username + "@" + m[2].get<std::string>() : mention.username;
    mention.url = m[3].is_string() ? m[3].get<std::string>() : "";
    out.push_back(std::move(mention));
  }
}

// Each attachment as an array in the column order of the status_views statement.
void read_media(const char* text, const domain::Status& status,
                std::vector<domain::MediaAttachment>& out) {
  for (const auto& m : nlohmann::json::parse(text)) {
    domain::MediaAttachment media;
    media.id = std::stoll(m[0].get<std::string>());
    media.account_id = status.account_id;
    media.status_id = status.id;
    media.kind = m[1].get<int>();
    media.state = m[2].get<int>();
    media.content_type = m[3].get<std::string>();
    if (m[4].is_string()) media.file_key = m[4].get<std::string>();
    if (m[5].is_string()) media.small_key = m[5].get<std::string>();
    media.description = m[6].get<std::string>();
    media.focus_x = m[7].get<double>();
    media.focus_y = m[8].get<double>();
    media.meta = m[9].dump();
    if (m[10].is_string()) media.blurhash = m[10].get<std::string>();
    if (m.size() > 11 && m[11].is_string()) media.remote_url = m[11].get<std::string>();
    out.push_back(std::move(media));
  }
}

// One status_views row; notes whether the page needs polls or filters read (has_filters
// reflects the row, as the statement reports the viewer's filters on every row alike).
domain::StatusView read_view(const pqxx::row& row, bool& has_polls, bool& has_filters) {
  domain::StatusView v;
  v.status = read_status(row);
  v.account = read_account(row, kStatusColumnCount);
  int at = kStatusColumnCount + kAccountColumnCount;
  v.application_name = nullable<std::string>(row[at]);
  v.application_website = nullable<std::string>(row[at + 1]);
  read_mentions(row[at + 2].c_str(), v.mentions);
  v.tags = from_pg_text_array(row[at + 3].as<std::string>());
  has_polls = has_polls || row[at + 4].as<bool>();
  v.favourited = row[at + 5].as<bool>();
  v.reblogged = row[at + 6].as<bool>();
  v.bookmarked = row[at + 7].as<bool>();
  v.pinned = row[at + 8].as<bool>();
  v.muted = row[at + 9].as<bool>();
  has_filters = row[at + 10].as<bool>();
  read_media(row[at + 11].c_str(), v.status, v.media);
  if (!row[at + 12].is_null()) v.emojis = CustomEmojiRepository::from_json(row[at + 12].c_str());
  if (!row[at + 13].is_null()) v.card = PreviewCardRepository::from_json(row[at + 13].c_str());
  return v;
}

// A status_polls row, with the viewer's own votes.
domain::Poll read_poll(const pqxx::row& row, std::int64_t viewer) {
  domain::Poll p;
  p.id = row[0].as<std::int64_t>();
  p.status_id = row[1].as<std::int64_t>();
  p.options = from_pg_text_array(row[2].as<std::string>());
  p.multiple = row[3].as<bool>();
  p.hide_totals = row[4].as<bool>();
  p.expires_at = ms_time(row[5]);
  p.expired = row[6].as<bool>();
  p.votes = from_pg_bigint_array(row[7].as<std::string>());
  p.votes_count = row[8].as<std::int64_t>();
  p.voters_count = row[9].as<std::int64_t>();
  for (auto c : from_pg_bigint_array(row[10].as<std::string>()))
    p.own_votes.push_back(static_cast<int>(c));
  p.voted = viewer != 0 && !p.own_votes.empty();
  return p;
}

// Reads status_views rows (in the order they come) and adds what needs its own statement:
// poll results and filter matches, each only when some status on the page needs it.
std::vector<domain::StatusView> read_views(Tx& tx, const pqxx::result& rows, std::int64_t viewer) {
  std::vector<domain::StatusView> out;
  out.reserve(rows.size());
  bool has_filters = false;
  bool has_polls = false;
  for (const auto& row : rows) out.push_back(read_view(row, has_polls, has_filters));
  if (!has_filters && !has_polls) return out;
  std::vector<std::int64_t> ids;
  for (const auto& v : out) ids.push_back(v.status.id);
  const std::string array = to_pg_bigint_array(ids);
  auto find = [&](std::int64_t id) {
    return std::find_if(out.begin(), out.end(),
                        [&](const domain::StatusView& v) { return v.status.id == id; });
  };
  if (has_filters) {
    for (auto& [status_id, results] : FilterRepository::matches(tx, array, viewer)) {
      auto it = find(status_id);
      if (it != out.end()) it->filtered = std::move(results);
    }
  }
  if (!has_polls) return out;
  for (const auto& row : tx.exec("status_polls", array, viewer)) {
    auto it = find(row[1].as<std::int64_t>());
    if (it == out.end()) continue;
    it->poll = read_poll(row, viewer);
  }
  return out;
}

// A page read and rendered by one of the *_views statements.
template <class... Args>
std::vector<domain::StatusView> page_views(Tx& tx, const char* down, const char* up,
                                           const domain::PageRequest& p, std::int64_t viewer,
                                           std::int64_t first, Args&&... rest) {
  auto read = [&](const pqxx::result& rows) { return read_views(tx, rows, viewer); };
  return paged_rows<domain::StatusView>(tx, down, up, p, read, first, std::forward<Args>(rest)...);
}
}  // namespace

std::vector<domain::StatusView> StatusRepository::views(Tx& tx,
                                                        const std::vector<std::int64_t>& ids,
                                                        std::int64_t viewer) {
  if (ids.empty()) return {};
  auto rows = read_views(tx, tx.exec("status_views", to_pg_bigint_array(ids), viewer), viewer);
  // In the order asked for.
  std::vector<domain::StatusView> out;
  out.reserve(rows.size());
  for (auto id : ids) {
    auto it = std::find_if(rows.begin(), rows.end(),
                           [&](const domain::StatusView& v) { return v.status.id == id; });
    if (it != rows.end()) out.push_back(*it);
  }
  return out;
}

std::vector<domain::StatusView> StatusRepository::home_views(Tx& tx, std::int64_t account_id,
                                                             const domain::PageRequest& page) {
  return page_views(tx, "home_views", "home_views_up", page, account_id, account_id);
}

std::vector<domain::StatusView> StatusRepository::public_views(Tx& tx, std::int64_t viewer,
                                                               domain::PublicTimelineScope scope,
                                                               bool only_media,
                                                               const domain::PageRequest& page) {
  return page_views(tx, "public_views", "public_views_up", page, viewer, viewer,
                    static_cast<int>(scope), only_media);
}

bool StatusRepository::insert_remote(Tx& tx, const NewStatus& s) {
  return tx.exec("status_insert_remote", s.id, s.account_id, s.uri, s.url, s.spoiler_text,
                 s.content, static_cast<int>(s.visibility), s.sensitive, s.language,
                 s.in_reply_to_id, s.in_reply_to_account_id, s.conversation_id, s.reblog_of_id)
             .affected_rows() == 1;
}

std::optional<StatusRef> StatusRepository::by_uri(Tx& tx, const std::string& uri) {
  auto r = tx.exec("status_by_uri", uri);
  if (r.empty()) return std::nullopt;
  return {{r[0][0].as<std::int64_t>(), r[0][1].as<std::int64_t>()}};
}

std::vector<std::string> StatusRepository::remote_follower_inboxes(Tx& tx,
                                                                   std::int64_t account_id) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("remote_follower_inboxes", account_id)) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

std::vector<std::int64_t> StatusRepository::soft_delete(Tx& tx, std::int64_t id) {
  std::vector<std::int64_t> deleted;
  for (const auto& row : tx.exec("status_soft_delete", id)) {
    deleted.push_back(row[0].as<std::int64_t>());
  }
  return deleted;
}

std::int64_t StatusRepository::conversation_of(Tx& tx, std::int64_t id) {
  auto r = tx.exec("status_conversation", id);
  if (r.empty() || r[0][0].is_null()) return 0;
  return r[0][0].as<std::int64_t>();
}

std::vector<std::int64_t> StatusRepository::ancestors(Tx& tx, std::int64_t id,
                                                      std::int64_t viewer) {
  return ids_of(tx.exec("status_ancestors", id, viewer));
}

std::vector<std::int64_t> StatusRepository::descendants(Tx& tx, std::int64_t id,
                                                        std::int64_t viewer) {
  return ids_of(tx.exec("status_descendants", id, viewer));
}

bool StatusRepository::favourite(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                                 std::int64_t status_id) {
  return tx.exec("favourite_insert", row_id, account_id, status_id).affected_rows() == 1;
}
bool StatusRepository::unfavourite(Tx& tx, std::int64_t account_id, std::int64_t status_id) {
  return tx.exec("favourite_delete", account_id, status_id).affected_rows() == 1;
}
bool StatusRepository::bookmark(Tx& tx, std::int64_t row_id, std::int64_t account_id,
                                std::int64_t status_id) {
  return tx.exec("bookmark_insert", row_id, account_id, status_id).affected_rows() == 1;
}
bool StatusRepository::unbookmark(Tx& tx, std::int64_t account_id, std::int64_t status_id) {
  return tx.exec("bookmark_delete", account_id, status_id).affected_rows() == 1;
}
std::optional<std::int64_t> StatusRepository::reblog_by(Tx& tx, std::int64_t status_id,
                                                        std::int64_t account_id) {
  auto r = tx.exec("reblog_of_account", status_id, account_id);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}

std::optional<std::int64_t> StatusRepository::idempotent_status(Tx& tx, std::int64_t account_id,
                                                                const std::string& key) {
  auto r = tx.exec("idempotency_get", account_id, key);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}
void StatusRepository::remember_idempotency(Tx& tx, std::int64_t account_id, const std::string& key,
                                            std::int64_t status_id) {
  tx.exec("idempotency_put", account_id, key, status_id);
}

void StatusRepository::fan_out(Tx& tx, std::int64_t status_id) { tx.exec("fan_out", status_id); }

std::vector<std::int64_t> StatusRepository::mentioned_accounts(Tx& tx, std::int64_t status_id) {
  std::vector<std::int64_t> ids;
  for (const auto& row : tx.exec("mentioned_accounts", status_id)) {
    ids.push_back(row[0].as<std::int64_t>());
  }
  return ids;
}

std::vector<std::int64_t> StatusRepository::account_page(Tx& tx, std::int64_t viewer,
                                                         std::int64_t account_id,
                                                         bool exclude_reblogs, bool exclude_replies,
                                                         bool only_media,
                                                         const domain::PageRequest& page) {
  return page_ids(tx, "account_page", "account_page_up", page, viewer, account_id, exclude_reblogs,
                  exclude_replies, only_media);
}

namespace {
CursorRows cursor_rows(const pqxx::result& r) {
  CursorRows out;
  for (const auto& row : r) out.emplace_back(row[0].as<std::int64_t>(), row[1].as<std::int64_t>());
  return out;
}
// (cursor, id) rows of one of the join-row page statements ($1 key, $2 max_id, $3 since/min, $4
// limit).
CursorRows cursor_page(Tx& tx, const char* statement, std::int64_t key,
                       const domain::PageRequest& p) {
  return cursor_rows(tx.exec(statement, key, p.max_id, p.min_id.value_or(p.since_id), p.limit));
}
}  // namespace

CursorRows StatusRepository::favourites_page(Tx& tx, std::int64_t account_id,
                                             const domain::PageRequest& p) {
  return cursor_page(tx, "favourites_page", account_id, p);
}
CursorRows StatusRepository::bookmarks_page(Tx& tx, std::int64_t account_id,
                                            const domain::PageRequest& p) {
  return cursor_page(tx, "bookmarks_page", account_id, p);
}
CursorRows StatusRepository::reblogged_by(Tx& tx, std::int64_t status_id,
                                          const domain::PageRequest& p) {
  return cursor_page(tx, "reblogged_by_page", status_id, p);
}
CursorRows StatusRepository::favourited_by(Tx& tx, std::int64_t status_id,
                                           const domain::PageRequest& p) {
  return cursor_page(tx, "favourited_by_page", status_id, p);
}
CursorRows StatusRepository::blocks_page(Tx& tx, std::int64_t account_id,
                                         const domain::PageRequest& p) {
  return cursor_page(tx, "blocks_page", account_id, p);
}
CursorRows StatusRepository::mutes_page(Tx& tx, std::int64_t account_id,
                                        const domain::PageRequest& p) {
  return cursor_page(tx, "mutes_page", account_id, p);
}

std::vector<std::int64_t> StatusRepository::tag_page(Tx& tx, std::int64_t viewer,
                                                     const domain::TagTimelineFilter& f,
                                                     const domain::PageRequest& p) {
  std::vector<std::string> one_of{f.tag};
  one_of.insert(one_of.end(), f.any.begin(), f.any.end());
  return ids_of(tx.exec("tag_page", viewer, p.max_id, p.min_id.value_or(p.since_id), p.limit,
                        to_pg_text_array(one_of), f.local_only, to_pg_text_array(f.all),
                        to_pg_text_array(f.none), f.only_media));
}

std::vector<std::int64_t> StatusRepository::pinned(Tx& tx, std::int64_t account_id,
                                                   std::int64_t viewer) {
  return ids_of(tx.exec("pinned_ids", account_id, viewer));
}
void StatusRepository::pin(Tx& tx, std::int64_t account_id, std::int64_t status_id) {
  tx.exec("pin_insert", account_id, status_id);
}
void StatusRepository::unpin(Tx& tx, std::int64_t account_id, std::int64_t status_id) {
  tx.exec("pin_delete", account_id, status_id);
}
std::int64_t StatusRepository::pin_count(Tx& tx, std::int64_t account_id) {
  return tx.exec1("pin_count", account_id)[0].as<std::int64_t>();
}
void StatusRepository::mute_conversation(Tx& tx, std::int64_t account_id,
                                         std::int64_t conversation_id, bool on) {
  tx.exec(on ? "conversation_mute_insert" : "conversation_mute_delete", account_id,
          conversation_id);
}

void StatusRepository::edit(Tx& tx, std::int64_t status_id, std::int64_t snapshot_id,
                            const NewStatus& u) {
  tx.exec("status_edit_snapshot", status_id, snapshot_id);
  tx.exec("status_update", status_id, u.text, u.spoiler_text, u.content, u.sensitive, u.language);
  tx.exec("status_mentions_clear", status_id);
  tx.exec("status_tags_clear", status_id);
}

std::vector<domain::StatusEdit> StatusRepository::edits(Tx& tx, std::int64_t status_id) {
  std::vector<domain::StatusEdit> out;
  for (const auto& row : tx.exec("status_edits", status_id)) {
    domain::StatusEdit e;
    e.text = row[0].as<std::string>();
    e.spoiler_text = row[1].as<std::string>();
    e.content = row[2].as<std::string>();
    e.sensitive = row[3].as<bool>();
    e.created_at =
        std::chrono::system_clock::time_point(std::chrono::milliseconds(row[4].as<long long>()));
    out.push_back(std::move(e));
  }
  return out;
}

void StatusRepository::insert_poll(Tx& tx, std::int64_t id, std::int64_t status_id,
                                   std::int64_t account_id, const std::vector<std::string>& options,
                                   bool multiple, bool hide_totals, std::int64_t expires_in) {
  tx.exec("poll_insert", id, status_id, account_id, to_pg_text_array(options), multiple,
          hide_totals, expires_in);
}

void StatusRepository::set_remote_poll_counts(Tx& tx, std::int64_t status_id,
                                              const std::vector<std::int64_t>& counts,
                                              std::int64_t voters, std::int64_t expires_in) {
  tx.exec("poll_set_remote_counts", status_id, to_pg_bigint_array(counts), voters, expires_in);
}

std::optional<PollForVote> StatusRepository::poll_for_vote(Tx& tx, std::int64_t poll_id,
                                                           std::int64_t voter) {
  auto r = tx.exec("poll_by_id", poll_id, voter);
  if (r.empty()) return std::nullopt;
  PollForVote p;
  p.status_id = r[0][0].as<std::int64_t>();
  p.account_id = r[0][1].as<std::int64_t>();
  p.option_count = r[0][2].as<int>();
  p.multiple = r[0][3].as<bool>();
  p.expired = r[0][4].as<bool>();
  p.voted = r[0][5].as<bool>();
  return p;
}

void StatusRepository::add_vote(Tx& tx, std::int64_t id, std::int64_t poll_id,
                                std::int64_t account_id, int choice) {
  tx.exec("poll_vote_insert", id, poll_id, account_id, choice);
}

std::vector<std::int64_t> StatusRepository::poll_voters(Tx& tx, std::int64_t poll_id) {
  return ids_of(tx.exec("poll_voters", poll_id));
}

std::optional<PollRef> StatusRepository::poll_of_status(Tx& tx, std::int64_t status_id) {
  auto r = tx.exec("poll_of_status", status_id);
  if (r.empty()) return std::nullopt;
  return {{r[0][0].as<std::int64_t>(), r[0][1].as<std::int64_t>()}};
}

std::vector<domain::Marker> StatusRepository::markers(Tx& tx, std::int64_t account_id,
                                                      const std::vector<std::string>& timelines) {
  std::vector<domain::Marker> out;
  for (const auto& row : tx.exec("markers_get", account_id, to_pg_text_array(timelines))) {
    domain::Marker m;
    m.timeline = row[0].as<std::string>();
    m.last_read_id = row[1].as<std::int64_t>();
    m.version = row[2].as<int>();
    m.updated_at =
        std::chrono::system_clock::time_point(std::chrono::milliseconds(row[3].as<long long>()));
    out.push_back(std::move(m));
  }
  return out;
}

void StatusRepository::set_marker(Tx& tx, std::int64_t account_id, const std::string& timeline,
                                  std::int64_t last_read_id) {
  tx.exec("marker_set", account_id, timeline, last_read_id);
}

}  // namespace lox::db
