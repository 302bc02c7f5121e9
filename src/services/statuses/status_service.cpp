#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/conversation_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/media_repository.hpp>
#include <loxodon/db/social_repository.hpp>
#include <loxodon/db/status_repository.hpp>
#include <loxodon/db/stream_repository.hpp>
#include <loxodon/db/tag_repository.hpp>
#include <loxodon/domain/custom_emoji.hpp>
#include <loxodon/domain/status_text.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/statuses/preview_card_service.hpp>
#include <loxodon/services/statuses/status_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/util/http_url.hpp>
#include <loxodon/util/time_format.hpp>

#include <algorithm>
#include <set>

namespace lox::services {

namespace {

constexpr std::size_t kMaxIdempotencyKey = 255;

Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }

// Files a notification and, when one was filed, tells the recipient's live streams.
void notify(db::Tx& tx, std::int64_t row_id, std::int64_t account_id, std::int64_t from_account_id,
            const std::string& type, std::optional<std::int64_t> status_id) {
  if (db::SocialRepository::notify(tx, row_id, account_id, from_account_id, type, status_id)) {
    streaming::publish(tx, {streaming::Event::Kind::kNotification, row_id, account_id, {}});
  }
}

void publish_status(db::Tx& tx, streaming::Event::Kind kind, std::int64_t status_id) {
  streaming::publish(tx, {kind, status_id, 0, {}});
}
}  // namespace

// A local boost is an Announce (its undoing an Undo) to the booster's remote followers and to
// the original's author when remote.
void StatusService::federate_boost(db::Tx& tx, const domain::Status& boost, bool deleted) {
  auto original = db::StatusRepository::find(tx, *boost.reblog_of_id);
  auto booster = db::AccountRepository::find(tx, boost.account_id);
  if (!original || !original->uri || !booster || !boost.uri) return;
  std::set<std::string> inboxes;
  for (auto& inbox : db::StatusRepository::remote_follower_inboxes(tx, boost.account_id)) {
    inboxes.insert(std::move(inbox));
  }
  auto author = db::AccountRepository::inboxes(tx, original->account_id);
  std::string author_uri;
  if (auto a = db::AccountRepository::find(tx, original->account_id)) {
    author_uri = a->domain ? a->uri.value_or("") : config_.actor_url(a->username);
  }
  if (author && !author->inbox.empty()) {
    inboxes.insert(author->shared_inbox.empty() ? author->inbox : author->shared_inbox);
  }
  if (inboxes.empty()) return;
  auto announce =
      activitypub::announce_activity(config_, *booster, *boost.uri, *original->uri, author_uri);
  auto activity = deleted ? activitypub::undo_activity(announce) : announce;
  for (const auto& inbox : inboxes) federation::enqueue_delivery(tx, inbox, activity, booster->id);
}

namespace {
// Our own emoji a local post uses, from its text, content warning and poll options; an edit
// replaces the set (and clears it when none is used any more).
void attach_local_emojis(db::Tx& tx, std::int64_t status_id, const PostRequest& r, bool edit) {
  std::vector<std::string_view> texts{r.text, r.spoiler_text};
  if (r.poll) texts.insert(texts.end(), r.poll->options.begin(), r.poll->options.end());
  auto codes = domain::emoji_shortcodes(texts);
  if (codes.empty() && !edit) return;  // most posts: no emoji and nothing to clear
  db::CustomEmojiRepository::set_status_emojis(tx, status_id,
                                               db::CustomEmojiRepository::local_ids(tx, codes));
}
}  // namespace

// A local post (or its deletion) goes to the inboxes of the author's remote followers (unless
// it is direct) and of the remote accounts it mentions, each shared inbox once. Boosts
// federate with their own activity (later).
void StatusService::federate(db::Tx& tx, const domain::Status& status, bool deleted, bool updated) {
  if (!status.local) return;
  if (status.reblog_of_id) {
    federate_boost(tx, status, deleted);
    return;
  }
  std::set<std::string> inboxes;
  if (status.visibility != domain::Visibility::kDirect) {
    for (auto& inbox : db::StatusRepository::remote_follower_inboxes(tx, status.account_id)) {
      inboxes.insert(std::move(inbox));
    }
  }
  activitypub::NoteContext note;
  std::vector<std::int64_t> one{status.id};
  auto views = db::StatusRepository::views(tx, one, 0);
  for (const auto& m : views.empty() ? std::vector<domain::MentionView>{} : views[0].mentions) {
    auto account = db::AccountRepository::find(tx, m.account_id);
    if (!account) continue;
    if (!account->domain) {
      note.mentions.push_back({config_.actor_url(account->username), "@" + account->username});
      continue;
    }
    auto theirs = db::AccountRepository::inboxes(tx, account->id);
    if (!theirs || theirs->uri.empty() || theirs->inbox.empty()) continue;
    note.mentions.push_back({theirs->uri, "@" + account->username + "@" + *account->domain});
    inboxes.insert(theirs->shared_inbox.empty() ? theirs->inbox : theirs->shared_inbox);
  }
  if (inboxes.empty()) return;
  auto author = db::AccountRepository::find(tx, status.account_id);
  if (!author) return;
  if (status.in_reply_to_id) {
    if (auto parent = db::StatusRepository::find(tx, *status.in_reply_to_id))
      note.in_reply_to = parent->uri;
  }
  if (!views.empty()) {
    note.media = views[0].media;
    note.poll = views[0].poll;
    note.hashtags = views[0].tags;
    note.emojis = views[0].emojis;
  }
  auto activity = deleted ? activitypub::delete_note_activity(config_, *author, status)
                          : activitypub::create_note_activity(config_, *author, status, note);
  if (updated && !deleted) {
    // An edit is the same Note, marked updated, in an Update (Mastodon's shape).
    activity["type"] = "Update";
    activity["id"] = status.uri.value_or("") + "#updates/" +
                     std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
    activity["object"]["updated"] = format_iso8601_ms(std::chrono::system_clock::now());
  }
  for (const auto& inbox : inboxes) federation::enqueue_delivery(tx, inbox, activity, author->id);
}

void enqueue_fan_out(db::Tx& tx, std::int64_t status_id) {
  jobs::NewJob job;
  job.queue = "fanout";
  job.kind = StatusService::kFanOutKind;
  job.payload = {{"status_id", status_id}};
  jobs::enqueue(tx, job);
}

void enqueue_notification(db::Tx& tx, std::int64_t account_id, std::int64_t from_account_id,
                          const std::string& type, std::optional<std::int64_t> status_id) {
  // Nobody is notified about their own actions, except that their own poll ended.
  if (account_id == from_account_id && type != "poll") return;
  jobs::NewJob job;
  job.kind = StatusService::kNotifyKind;
  job.payload = {{"account_id", account_id},
                 {"from_account_id", from_account_id},
                 {"type", type},
                 {"status_id", status_id ? nlohmann::json(*status_id) : nlohmann::json(nullptr)}};
  jobs::enqueue(tx, job);
}

StatusService::StatusService(const config::Config& config, db::Database& db,
                             SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

namespace {
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
// Rendered statuses completed into a page: the originals of boosts (a boost whose original is
// gone or hidden from the viewer is not shown), then the viewer's filters for `context`.
StatusPage finish_page(db::Tx& tx, std::vector<domain::StatusView> views, std::int64_t viewer,
                       domain::FilterContext context) {
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

// Statuses with the originals of any boosts, as `viewer` may see them, filtered for `context`.
StatusPage load_in(db::Tx& tx, const std::vector<std::int64_t>& ids, std::int64_t viewer,
                   domain::FilterContext context = domain::FilterContext::kNone) {
  return finish_page(tx, db::StatusRepository::views(tx, ids, viewer), viewer, context);
}
}  // namespace

awaitable<StatusPage> StatusService::load(std::vector<std::int64_t> ids, std::int64_t viewer,
                                          domain::FilterContext context) {
  co_return co_await db_.read([&](db::Tx& tx) { return load_in(tx, ids, viewer, context); });
}

awaitable<StatusPage> StatusService::render(std::vector<std::int64_t> ids, std::int64_t viewer,
                                            domain::FilterContext context) {
  co_return co_await load(std::move(ids), viewer, context);
}

awaitable<std::vector<SharedStatusPage>> StatusService::render_for_viewers(
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

awaitable<StatusPage> StatusService::load_one(std::int64_t id, std::int64_t viewer) {
  // A named vector: GCC 12 rejects braced lists as coroutine arguments inside co_await.
  std::vector<std::int64_t> ids{id};
  co_return co_await load(ids, viewer);
}

awaitable<domain::Status> StatusService::visible_status(std::int64_t id, std::int64_t viewer) {
  auto found = co_await db_.tx([&](db::Tx& tx) -> std::optional<domain::Status> {
    if (!db::StatusRepository::visible(tx, id, viewer)) return std::nullopt;
    return db::StatusRepository::find(tx, id);
  });
  // 404 rather than 403: a private status's existence is not revealed.
  if (!found) throw not_found();
  co_return *found;
}

awaitable<StatusService::Prepared> StatusService::prepare(const domain::UserWithAccount& author,
                                                          const PostRequest& r, bool editing) {
  ValidationErrors errors;
  if (!valid_utf8(r.text) || !valid_utf8(r.spoiler_text)) {
    errors.add("text", "Text", "ERR_INVALID", "is not valid UTF-8");
    errors.throw_if_any();
  }
  // Text may be left out when media is attached, as Mastodon allows.
  auto trimmed = r.text.find_first_not_of(" \t\r\n");
  if (trimmed == std::string::npos && r.media_ids.empty())
    errors.add("text", "Text", "ERR_BLANK", "can't be blank");
  if (!r.media_ids.empty() && r.poll) {
    errors.add("media_ids", "Media", "ERR_INVALID", "Cannot attach both a poll and media");
  }
  std::size_t length = domain::status_length(r.text) + utf8_length(r.spoiler_text);
  // A membership may raise the limits; only posts beyond one pay for the lookup.
  Limits limits = effective_limits(config_, {});
  const std::size_t media_count = editing ? 0 : r.media_ids.size();
  if (length > limits.max_characters || media_count > limits.max_media_attachments ||
      (r.poll && r.poll->options.size() > limits.max_poll_options)) {
    auto granted = co_await db_.read([&](db::Tx& tx) {
      return current_entitlements(tx, author.account.id, config_.funding.grace_days);
    });
    limits = effective_limits(config_, granted);
  }
  const std::size_t max_characters = limits.max_characters;
  const std::size_t max_media = limits.max_media_attachments;
  const std::size_t max_options = limits.max_poll_options;
  if (media_count > max_media) {
    errors.add("media_ids", "Media", "ERR_TOO_LONG",
               "You can't attach more than " + std::to_string(max_media) + " files");
  }
  if (length > max_characters) {
    errors.add("text", "Text", "ERR_TOO_LONG",
               "character limit of " + std::to_string(max_characters) + " exceeded");
  }
  Prepared out;
  out.max_poll_options = max_options;
  out.visibility = domain::parse_visibility(r.visibility.value_or(author.user.default_privacy));
  if (!out.visibility) {
    errors.add("visibility", "Visibility", "ERR_INCLUSION", "is not included in the list");
  }
  if (r.language && (r.language->size() > 10 || !valid_utf8(*r.language))) {
    errors.add("language", "Language", "ERR_INVALID", "is invalid");
  }
  errors.throw_if_any();

  // Mentions resolve to local accounts and to remote ones already known here (found by search
  // or met through federation).
  std::string local_domain = domain::lowercase(config_.domain);
  auto tokens = domain::find_mentions(r.text);
  auto key_of = [&](const domain::MentionToken& t) {
    bool remote = t.domain && domain::lowercase(*t.domain) != local_domain;
    return domain::lowercase(t.username) + (remote ? "@" + domain::lowercase(*t.domain) : "");
  };
  std::unordered_map<std::string, domain::ResolvedMention> resolved;
  co_await db_.tx([&](db::Tx& tx) {
    for (const auto& t : tokens) {
      bool remote = t.domain && domain::lowercase(*t.domain) != local_domain;
      auto account = db::AccountRepository::find_by_acct(
          tx, t.username,
          remote ? std::optional<std::string>(domain::lowercase(*t.domain)) : std::nullopt);
      if (!account || account->suspended_at) continue;
      std::string acct =
          account->domain ? account->username + "@" + *account->domain : account->username;
      // The link in our own post's HTML: a web address only, whatever a remote profile (or a
      // row stored before addresses were checked) says its page is.
      std::string href = config_.base_url() + "/@" + account->username;
      if (account->url && is_http_url(*account->url)) {
        href = *account->url;
      } else if (account->uri && is_http_url(*account->uri)) {
        href = *account->uri;
      }
      resolved[key_of(t)] = {account->id, account->username, acct, href};
    }
  });
  out.rendered = domain::render_status_text(
      r.text,
      [&](const domain::MentionToken& t) -> std::optional<domain::ResolvedMention> {
        auto it = resolved.find(key_of(t));
        if (it == resolved.end()) return std::nullopt;
        return it->second;
      },
      config_.base_url());
  co_return out;
}

void StatusService::check_poll(const PollRequest& poll, std::size_t max_options) const {
  ValidationErrors errors;
  const auto& o = poll.options;
  if (o.size() < 2) errors.add("poll", "Poll", "ERR_TOO_SHORT", "must have at least 2 options");
  if (o.size() > max_options) {
    errors.add("poll", "Poll", "ERR_TOO_LONG",
               "can't have more than " + std::to_string(max_options) + " options");
  }
  for (std::size_t i = 0; i < o.size(); ++i) {
    if (o[i].empty() || !valid_utf8(o[i]) || utf8_length(o[i]) > domain::kMaxPollOptionCharacters) {
      errors.add("poll", "Poll", "ERR_INVALID", "options must be 1 to 50 characters");
      break;
    }
    if (std::find(o.begin(), o.begin() + static_cast<std::ptrdiff_t>(i), o[i]) !=
        o.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.add("poll", "Poll", "ERR_INVALID", "contains duplicate options");
      break;
    }
  }
  if (poll.expires_in < domain::kMinPollExpiration ||
      poll.expires_in > domain::kMaxPollExpiration) {
    errors.add("poll", "Poll", "ERR_INVALID", "duration is out of range (5 minutes to 1 month)");
  }
  errors.throw_if_any();
}

awaitable<void> StatusService::check(domain::UserWithAccount author, PostRequest r) {
  Prepared prepared = co_await prepare(author, r);
  if (r.poll) check_poll(*r.poll, prepared.max_poll_options);
  if (r.in_reply_to_id) co_await visible_status(*r.in_reply_to_id, author.account.id);
}

awaitable<StatusPage> StatusService::post(domain::UserWithAccount author, PostRequest r) {
  const std::int64_t me = author.account.id;
  if (r.idempotency_key && r.idempotency_key->size() > kMaxIdempotencyKey)
    r.idempotency_key.reset();
  Prepared prepared = co_await prepare(author, r);
  auto& rendered = prepared.rendered;
  auto visibility = prepared.visibility;
  if (r.idempotency_key) {
    std::string key = *r.idempotency_key;
    auto existing = co_await db_.tx(
        [&](db::Tx& tx) { return db::StatusRepository::idempotent_status(tx, me, key); });
    if (existing) co_return co_await load_one(*existing, me);
  }
  if (r.poll) check_poll(*r.poll, prepared.max_poll_options);
  std::optional<domain::Status> parent;
  if (r.in_reply_to_id) parent = co_await visible_status(*r.in_reply_to_id, me);
  std::int64_t poll_id = r.poll ? ids_.next() : 0;

  db::NewStatus row;
  row.id = ids_.next();
  row.account_id = me;
  row.uri = config_.base_url() + "/users/" + author.account.username + "/statuses/" +
            std::to_string(row.id);
  row.url = config_.base_url() + "/@" + author.account.username + "/" + std::to_string(row.id);
  row.text = r.text;
  row.spoiler_text = r.spoiler_text;
  row.content = rendered.html;
  row.visibility = *visibility;
  row.sensitive = r.sensitive || !r.spoiler_text.empty();
  row.language = r.language;
  row.application_id = r.application_id;
  if (parent) {
    row.in_reply_to_id = parent->id;
    row.in_reply_to_account_id = parent->account_id;
  }
  std::vector<std::int64_t> mention_ids;
  for (const auto& m : rendered.mentions) mention_ids.push_back(m.account_id);
  auto key = r.idempotency_key;
  co_await db_.tx([&](db::Tx& tx) {
    std::int64_t conversation = parent ? db::StatusRepository::conversation_of(tx, parent->id) : 0;
    row.conversation_id = conversation != 0 ? conversation : row.id;
    if (!r.media_ids.empty()) {
      // Uploads that are not the author's or already attached are left out, as Mastodon does;
      // one still processing refuses the post.
      for (const auto& m : db::MediaRepository::attachable(tx, me, r.media_ids)) {
        if (m.state != 1) {
          throw Error(ErrorCode::kUnprocessable,
                      "Cannot attach files that have not finished processing. Try again in a "
                      "moment!");
        }
      }
    }
    db::StatusRepository::insert(tx, row);
    if (!r.media_ids.empty()) db::MediaRepository::attach(tx, row.id, me, r.media_ids);
    db::StatusRepository::add_mentions(tx, row.id, mention_ids);
    db::StatusRepository::add_tags(tx, row.id, rendered.tags);
    if (parent) db::StatusRepository::bump_replies(tx, parent->id, 1);
    db::StatusRepository::touch_author(tx, me);
    if (key) db::StatusRepository::remember_idempotency(tx, me, *key, row.id);
    if (r.poll) {
      db::StatusRepository::insert_poll(tx, poll_id, row.id, me, r.poll->options, r.poll->multiple,
                                        r.poll->hide_totals, r.poll->expires_in);
      // The end of the poll notifies its author and voters: a job due when it closes.
      jobs::NewJob expiry;
      expiry.kind = kPollExpiredKind;
      expiry.payload = {{"status_id", row.id}};
      expiry.delay = std::chrono::seconds(r.poll->expires_in);
      jobs::enqueue(tx, expiry);
    }
    attach_local_emojis(tx, row.id, r, false);
    enqueue_fan_out(tx, row.id);
    PreviewCardService::enqueue(tx, config_, {row.id, row.content, !row.spoiler_text.empty()});
  });
  co_return co_await load_one(row.id, me);
}

awaitable<StatusPage> StatusService::get(std::int64_t id, std::int64_t viewer) {
  co_await visible_status(id, viewer);
  auto page = co_await load_one(id, viewer);
  if (page.statuses.empty()) throw not_found();
  co_return page;
}

awaitable<std::vector<domain::StatusView>> StatusService::many(std::vector<std::int64_t> ids,
                                                               std::int64_t viewer,
                                                               domain::FilterContext context) {
  co_return co_await db_.tx([&](db::Tx& tx) {
    auto visible = db::StatusRepository::visible_ids(tx, ids, viewer);
    StatusPage page;
    page.statuses = db::StatusRepository::views(tx, visible, viewer);
    apply_filter_context(page, context);
    return page.statuses;
  });
}

awaitable<StatusPage> StatusService::remove(std::int64_t id, std::int64_t author) {
  auto page = co_await load_one(id, author);
  if (page.statuses.empty() || page.statuses[0].status.account_id != author) throw not_found();
  const auto& s = page.statuses[0].status;
  co_await db_.tx([&](db::Tx& tx) {
    // Its boosts go with it: followers of the boosters see them disappear too.
    for (auto gone : db::StatusRepository::soft_delete(tx, id)) {
      publish_status(tx, streaming::Event::Kind::kDelete, gone);
    }
    db::ConversationRepository::remove_status(tx, id);
    federate(tx, s, true);
    if (s.in_reply_to_id) db::StatusRepository::bump_replies(tx, *s.in_reply_to_id, -1);
    if (s.reblog_of_id) db::StatusRepository::bump_reblogs(tx, *s.reblog_of_id, -1);
  });
  co_return page;
}

awaitable<StatusContext> StatusService::context(std::int64_t id, std::int64_t viewer) {
  co_await visible_status(id, viewer);
  std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>> ids =
      co_await db_.tx([&](db::Tx& tx) {
        return std::make_pair(db::StatusRepository::ancestors(tx, id, viewer),
                              db::StatusRepository::descendants(tx, id, viewer));
      });
  StatusContext ctx;
  ctx.ancestors = co_await load(ids.first, viewer, domain::FilterContext::kThread);
  ctx.descendants = co_await load(ids.second, viewer, domain::FilterContext::kThread);
  co_return ctx;
}

awaitable<StatusPage> StatusService::favourite(std::int64_t id, std::int64_t account_id, bool on) {
  auto status = co_await visible_status(id, account_id);
  std::int64_t row_id = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    bool changed = false;
    if (on) {
      if (db::StatusRepository::favourite(tx, row_id, account_id, id)) {
        db::StatusRepository::bump_favourites(tx, id, 1);
        enqueue_notification(tx, status.account_id, account_id, "favourite", id);
        changed = true;
      }
    } else if (db::StatusRepository::unfavourite(tx, account_id, id)) {
      db::StatusRepository::bump_favourites(tx, id, -1);
      changed = true;
    }
    // A remote status's author hears of it: Like, or Undo(Like).
    if (changed && !status.local && status.uri) {
      auto me = db::AccountRepository::find(tx, account_id);
      auto theirs = db::AccountRepository::inboxes(tx, status.account_id);
      if (me && theirs && !theirs->inbox.empty()) {
        std::string actor = config_.actor_url(me->username);
        nlohmann::json like = {{"@context", "https://www.w3.org/ns/activitystreams"},
                               {"id", actor + "#likes/" + std::to_string(id)},
                               {"type", "Like"},
                               {"actor", actor},
                               {"object", *status.uri}};
        auto activity = on ? like : activitypub::undo_activity(like);
        federation::enqueue_delivery(tx, theirs->inbox, activity, account_id);
      }
    }
  });
  co_return co_await load_one(id, account_id);
}

awaitable<StatusPage> StatusService::bookmark(std::int64_t id, std::int64_t account_id, bool on) {
  co_await visible_status(id, account_id);
  std::int64_t row_id = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    if (on) {
      db::StatusRepository::bookmark(tx, row_id, account_id, id);
    } else {
      db::StatusRepository::unbookmark(tx, account_id, id);
    }
  });
  co_return co_await load_one(id, account_id);
}

awaitable<StatusPage> StatusService::reblog(std::int64_t id, std::int64_t account_id) {
  auto original = co_await visible_status(id, account_id);
  if (original.reblog_of_id) original = co_await visible_status(*original.reblog_of_id, account_id);
  // Mastodon's StatusPolicy#reblog?: never direct; private only by its author.
  if (original.visibility == domain::Visibility::kDirect ||
      (original.visibility == domain::Visibility::kPrivate && original.account_id != account_id)) {
    throw Error(ErrorCode::kForbidden, "This action is not allowed");
  }
  std::int64_t new_id = ids_.next();
  std::int64_t boost = co_await db_.tx([&](db::Tx& tx) {
    if (auto existing = db::StatusRepository::reblog_by(tx, original.id, account_id))
      return *existing;
    auto author = db::AccountRepository::find(tx, account_id);
    db::NewStatus row;
    row.id = new_id;
    row.account_id = account_id;
    row.uri = config_.base_url() + "/users/" + author->username + "/statuses/" +
              std::to_string(new_id) + "/activity";
    row.url = row.uri;
    row.visibility = original.visibility;
    row.reblog_of_id = original.id;
    row.conversation_id = new_id;
    db::StatusRepository::insert(tx, row);
    db::StatusRepository::bump_reblogs(tx, original.id, 1);
    enqueue_notification(tx, original.account_id, account_id, "reblog", original.id);
    enqueue_fan_out(tx, new_id);
    return new_id;
  });
  co_return co_await load_one(boost, account_id);
}

awaitable<StatusPage> StatusService::unreblog(std::int64_t id, std::int64_t account_id) {
  auto original = co_await visible_status(id, account_id);
  co_await db_.tx([&](db::Tx& tx) {
    if (auto existing = db::StatusRepository::reblog_by(tx, original.id, account_id)) {
      auto boost = db::StatusRepository::find(tx, *existing);
      db::StatusRepository::soft_delete(tx, *existing);
      db::StatusRepository::bump_reblogs(tx, original.id, -1);
      if (boost) federate(tx, *boost, true);
      publish_status(tx, streaming::Event::Kind::kDelete, *existing);
    }
  });
  co_return co_await load_one(original.id, account_id);
}

// Timelines read the page and render it in one round of statements without a transaction.
awaitable<StatusPage> StatusService::home(std::int64_t account_id, db::PageQuery page) {
  co_return co_await db_.read([&](db::Tx& tx) {
    return finish_page(tx, db::StatusRepository::home_views(tx, account_id, page), account_id,
                       domain::FilterContext::kHome);
  });
}

awaitable<StatusPage> StatusService::public_timeline(std::int64_t viewer, db::PublicScope scope,
                                                     bool only_media, db::PageQuery page) {
  co_return co_await db_.read([&](db::Tx& tx) {
    return finish_page(tx, db::StatusRepository::public_views(tx, viewer, scope, only_media, page),
                       viewer, domain::FilterContext::kPublic);
  });
}

awaitable<StatusPage> StatusService::account_statuses(std::int64_t viewer, std::int64_t account_id,
                                                      bool exclude_reblogs, bool exclude_replies,
                                                      bool only_media, db::PageQuery page) {
  auto ids = co_await db_.tx([&](db::Tx& tx) {
    return db::StatusRepository::account_page(tx, viewer, account_id, exclude_reblogs,
                                              exclude_replies, only_media, page);
  });
  co_return co_await load(ids, viewer, domain::FilterContext::kAccount);
}

awaitable<void> StatusService::run_fan_out(std::int64_t status_id) {
  std::vector<std::int64_t> row_ids;
  for (int i = 0; i < 64; ++i) row_ids.push_back(ids_.next());
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::find(tx, status_id);
    if (!status) return;  // deleted before the job ran
    db::StatusRepository::fan_out(tx, status_id);
    db::TagRepository::fan_out(tx, status_id);
    db::ConversationRepository::add_status(tx, status_id);
    // Home feeds, lists and conversations are filed: live streams may show the status now.
    publish_status(tx, streaming::Event::Kind::kUpdate, status_id);
    if (status->visibility == domain::Visibility::kDirect) {
      publish_status(tx, streaming::Event::Kind::kConversation, status_id);
    }
    federate(tx, *status, false);
    std::vector<std::int64_t> one{status_id};
    auto views = db::StatusRepository::views(tx, one, 0);
    if (views.empty() || status->reblog_of_id) return;
    std::size_t next = 0;
    auto row_id = [&] { return next < row_ids.size() ? row_ids[next++] : ids_.next(); };
    for (const auto& m : views[0].mentions) {
      notify(tx, row_id(), m.account_id, status->account_id, "mention", status_id);
    }
    // Followers who rang the bell (follow with notify=true) hear about every new post.
    for (auto follower : db::SocialRepository::subscribers(tx, status_id)) {
      notify(tx, row_id(), follower, status->account_id, "status", status_id);
    }
  });
}

awaitable<void> StatusService::run_notify(nlohmann::json p) {
  std::int64_t row = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    std::optional<std::int64_t> status;
    if (p.contains("status_id") && p["status_id"].is_number())
      status = p["status_id"].get<std::int64_t>();
    notify(tx, row, p.at("account_id").get<std::int64_t>(),
           p.at("from_account_id").get<std::int64_t>(), p.at("type").get<std::string>(), status);
  });
}

awaitable<AccountPage> StatusService::accounts_of(db::CursorRows rows) {
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

awaitable<CursorStatusPage> StatusService::load_cursor_rows(db::CursorRows rows, std::int64_t me) {
  CursorStatusPage out;
  std::vector<std::int64_t> ids;
  for (const auto& [cursor, id] : rows) {
    ids.push_back(id);
    out.cursors.push_back(cursor);
  }
  out.page = co_await load(ids, me);
  co_return out;
}

awaitable<CursorStatusPage> StatusService::favourites(std::int64_t me, db::PageQuery page) {
  auto rows = co_await db_.read(
      [&](db::Tx& tx) { return db::StatusRepository::favourites_page(tx, me, page); });
  co_return co_await load_cursor_rows(std::move(rows), me);
}

awaitable<CursorStatusPage> StatusService::bookmarks(std::int64_t me, db::PageQuery page) {
  auto rows = co_await db_.read(
      [&](db::Tx& tx) { return db::StatusRepository::bookmarks_page(tx, me, page); });
  co_return co_await load_cursor_rows(std::move(rows), me);
}

awaitable<AccountPage> StatusService::reblogged_by(std::int64_t id, std::int64_t viewer,
                                                   db::PageQuery page) {
  co_await visible_status(id, viewer);
  auto rows =
      co_await db_.tx([&](db::Tx& tx) { return db::StatusRepository::reblogged_by(tx, id, page); });
  co_return co_await accounts_of(rows);
}

awaitable<AccountPage> StatusService::favourited_by(std::int64_t id, std::int64_t viewer,
                                                    db::PageQuery page) {
  co_await visible_status(id, viewer);
  auto rows = co_await db_.tx(
      [&](db::Tx& tx) { return db::StatusRepository::favourited_by(tx, id, page); });
  co_return co_await accounts_of(rows);
}

awaitable<StatusPage> StatusService::tag_timeline(std::int64_t viewer, db::TagFilter filter,
                                                  db::PageQuery page) {
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
  auto ids = co_await db_.tx(
      [&](db::Tx& tx) { return db::StatusRepository::tag_page(tx, viewer, filter, page); });
  co_return co_await load(ids, viewer, domain::FilterContext::kPublic);
}

awaitable<StatusPage> StatusService::pinned(std::int64_t viewer, std::int64_t account_id) {
  auto ids = co_await db_.tx(
      [&](db::Tx& tx) { return db::StatusRepository::pinned(tx, account_id, viewer); });
  co_return co_await load(ids, viewer, domain::FilterContext::kAccount);
}

awaitable<StatusPage> StatusService::pin(std::int64_t id, std::int64_t me, bool on) {
  auto status = co_await visible_status(id, me);
  // Mastodon 4's StatusPinValidator: one's own statuses but boosts and direct messages, at
  // most five (followers-only pins show to those who may see them).
  auto refuse = [](const char* why) {
    return Error(ErrorCode::kUnprocessable, std::string("Validation failed: ") + why);
  };
  if (on && status.reblog_of_id) throw refuse("A boost cannot be pinned");
  if (on && status.account_id != me) throw refuse("Someone else's post cannot be pinned");
  if (on && status.visibility == domain::Visibility::kDirect) {
    throw refuse("Posts that are only visible to mentioned users cannot be pinned");
  }
  bool over = co_await db_.tx([&](db::Tx& tx) {
    if (!on) {
      db::StatusRepository::unpin(tx, me, id);
      return false;
    }
    if (db::StatusRepository::pin_count(tx, me) >= 5) return true;
    db::StatusRepository::pin(tx, me, id);
    return false;
  });
  if (over)
    throw Error(ErrorCode::kUnprocessable,
                "Validation failed: You have already pinned the maximum number of posts");
  co_return co_await load_one(id, me);
}

awaitable<StatusPage> StatusService::mute_conversation(std::int64_t id, std::int64_t me, bool on) {
  co_await visible_status(id, me);
  co_await db_.tx([&](db::Tx& tx) {
    db::StatusRepository::mute_conversation(tx, me, db::StatusRepository::conversation_of(tx, id),
                                            on);
  });
  co_return co_await load_one(id, me);
}

awaitable<StatusPage> StatusService::edit(domain::UserWithAccount author, std::int64_t id,
                                          PostRequest r) {
  auto current = co_await visible_status(id, author.account.id);
  if (current.account_id != author.account.id || current.reblog_of_id) {
    throw Error(ErrorCode::kNotFound, "Record not found");
  }
  r.visibility = domain::visibility_name(current.visibility);  // visibility cannot change
  // The edit window, when the instance has one; a membership may extend it.
  if (config_.instance.edit_window_minutes > 0) {
    const auto age = std::chrono::system_clock::now() - current.created_at;
    auto window = std::chrono::minutes(config_.instance.edit_window_minutes);
    if (age > window) {
      auto granted = co_await db_.read([&](db::Tx& tx) {
        return current_entitlements(tx, author.account.id, config_.funding.grace_days);
      });
      window = std::chrono::minutes(effective_limits(config_, granted).edit_window_minutes);
    }
    if (age > window) {
      ValidationErrors errors;
      errors.add(
          "status", "Status", "ERR_INVALID",
          "can only be edited within " + std::to_string(window.count()) + " minutes of posting");
      errors.throw_if_any();
    }
  }
  Prepared prepared = co_await prepare(author, r, true);
  db::NewStatus updated;
  updated.text = r.text;
  updated.spoiler_text = r.spoiler_text;
  updated.content = prepared.rendered.html;
  updated.sensitive = r.sensitive || !r.spoiler_text.empty();
  updated.language = r.language ? r.language : current.language;
  std::vector<std::int64_t> mention_ids;
  for (const auto& m : prepared.rendered.mentions) mention_ids.push_back(m.account_id);
  std::int64_t snapshot = ids_.next();
  co_await db_.tx([&](db::Tx& tx) {
    db::StatusRepository::edit(tx, id, snapshot, updated);
    // The card follows the text: kept when the text (and its warning) did not change.
    if (current.content != updated.content || current.spoiler_text != updated.spoiler_text) {
      PreviewCardService::enqueue(tx, config_,
                                  {id, updated.content, !updated.spoiler_text.empty(), true});
    }
    db::StatusRepository::add_mentions(tx, id, mention_ids);
    db::StatusRepository::add_tags(tx, id, prepared.rendered.tags);
    attach_local_emojis(tx, id, r, true);
    publish_status(tx, streaming::Event::Kind::kStatusUpdate, id);
    if (auto edited = db::StatusRepository::find(tx, id)) federate(tx, *edited, false, true);
    // Whoever boosted the status is told it changed, as Mastodon does.
    for (auto booster : db::SocialRepository::rebloggers(tx, id)) {
      if (booster != author.account.id) {
        enqueue_notification(tx, booster, author.account.id, "update", id);
      }
    }
  });
  co_return co_await load_one(id, author.account.id);
}

awaitable<StatusHistory> StatusService::history(std::int64_t id, std::int64_t viewer) {
  co_await visible_status(id, viewer);
  auto edits = co_await db_.tx([&](db::Tx& tx) { return db::StatusRepository::edits(tx, id); });
  auto page = co_await load_one(id, viewer);
  if (page.statuses.empty()) throw Error(ErrorCode::kNotFound, "Record not found");
  StatusHistory h;
  h.versions = std::move(edits);
  h.current = page.statuses[0];
  co_return h;
}

awaitable<StatusPage> StatusService::poll(std::int64_t poll_id, std::int64_t viewer) {
  auto status_id = co_await db_.tx([&](db::Tx& tx) -> std::optional<std::int64_t> {
    auto p = db::StatusRepository::poll_for_vote(tx, poll_id, viewer);
    if (!p) return std::nullopt;
    return p->status_id;
  });
  if (!status_id) throw not_found();
  co_return co_await get(*status_id, viewer);
}

// A vote on another server's poll goes to the poll's author as Mastodon sends it: one
// Create(Note) per choice, named after the option and replying to the Question.
void StatusService::send_votes(db::Tx& tx, const db::PollForVote& poll, std::int64_t voter,
                               const std::set<int>& choices,
                               const std::vector<std::int64_t>& row_ids) {
  auto author = db::AccountRepository::inboxes(tx, poll.account_id);
  auto me = db::AccountRepository::find(tx, voter);
  if (!author || author->inbox.empty() || author->uri.empty() || !me || me->domain) return;
  std::vector<std::int64_t> one{poll.status_id};
  auto views = db::StatusRepository::views(tx, one, voter);
  if (views.empty() || !views[0].poll || !views[0].status.uri) return;
  const std::string actor = config_.actor_url(me->username);
  std::size_t i = 0;
  for (int c : choices) {
    if (c < 0 || static_cast<std::size_t>(c) >= views[0].poll->options.size()) continue;
    const std::string id = actor + "#votes/" + std::to_string(row_ids[i++]);
    nlohmann::json note = {{"id", id},
                           {"type", "Note"},
                           {"name", views[0].poll->options[static_cast<std::size_t>(c)]},
                           {"attributedTo", actor},
                           {"to", nlohmann::json::array({author->uri})},
                           {"inReplyTo", *views[0].status.uri}};
    nlohmann::json create = {{"@context", "https://www.w3.org/ns/activitystreams"},
                             {"id", id + "/activity"},
                             {"type", "Create"},
                             {"actor", actor},
                             {"to", nlohmann::json::array({author->uri})},
                             {"object", note}};
    federation::enqueue_delivery(tx, author->inbox, create, voter);
  }
}

awaitable<StatusPage> StatusService::vote(std::int64_t poll_id, std::int64_t voter,
                                          std::vector<int> choices) {
  std::vector<std::int64_t> row_ids;
  for (std::size_t i = 0; i < choices.size(); ++i) row_ids.push_back(ids_.next());
  enum class Outcome { kOk, kMissing, kExpired, kVoted, kInvalid, kHidden };
  std::int64_t status_id = 0;
  auto outcome = co_await db_.tx([&](db::Tx& tx) {
    auto p = db::StatusRepository::poll_for_vote(tx, poll_id, voter);
    if (!p) return Outcome::kMissing;
    status_id = p->status_id;
    if (!db::StatusRepository::visible(tx, p->status_id, voter)) return Outcome::kHidden;
    if (p->expired) return Outcome::kExpired;
    if (p->voted) return Outcome::kVoted;
    std::set<int> unique(choices.begin(), choices.end());
    if (unique.empty() || unique.size() != choices.size() || (!p->multiple && unique.size() > 1) ||
        *unique.begin() < 0 || *unique.rbegin() >= p->option_count) {
      return Outcome::kInvalid;
    }
    std::size_t i = 0;
    for (int c : unique) db::StatusRepository::add_vote(tx, row_ids[i++], poll_id, voter, c);
    send_votes(tx, *p, voter, unique, row_ids);
    enqueue_poll_update(tx, p->status_id);  // federates only when the poll is ours
    return Outcome::kOk;
  });
  switch (outcome) {
    case Outcome::kMissing:
    case Outcome::kHidden:
      throw not_found();
    case Outcome::kExpired:
      throw Error(ErrorCode::kUnprocessable, "Validation failed: The poll has already ended");
    case Outcome::kVoted:
      throw Error(ErrorCode::kUnprocessable,
                  "Validation failed: You have already voted on this poll");
    case Outcome::kInvalid:
      throw Error(ErrorCode::kUnprocessable, "Validation failed: Choices are invalid");
    case Outcome::kOk:
      break;
  }
  co_return co_await get(status_id, voter);
}

void StatusService::enqueue_poll_update(db::Tx& tx, std::int64_t status_id) {
  jobs::NewJob job;
  job.queue = "fanout";
  job.kind = kPollUpdateKind;
  job.payload = {{"status_id", status_id}};
  job.delay = std::chrono::seconds(10);
  job.dedupe_key = "poll_update:" + std::to_string(status_id);
  jobs::enqueue(tx, job);
}

awaitable<void> StatusService::run_poll_update(std::int64_t status_id) {
  co_await db_.tx([&](db::Tx& tx) {
    auto status = db::StatusRepository::find(tx, status_id);
    if (status && status->local) federate(tx, *status, false, true);
  });
}

awaitable<void> StatusService::run_poll_expired(std::int64_t status_id) {
  co_await db_.tx([&](db::Tx& tx) {
    auto poll = db::StatusRepository::poll_of_status(tx, status_id);
    if (!poll) return;
    // Other servers learn that it closed, with the final counts.
    auto status = db::StatusRepository::find(tx, status_id);
    if (status && status->local) federate(tx, *status, false, true);
    // Voters and the author hear that the poll ended (Mastodon names the author as sender).
    for (auto voter : db::StatusRepository::poll_voters(tx, poll->first)) {
      enqueue_notification(tx, voter, poll->second, "poll", status_id);
    }
    enqueue_notification(tx, poll->second, poll->second, "poll", status_id);
  });
}

awaitable<std::vector<db::Marker>> StatusService::markers(std::int64_t me,
                                                          std::vector<std::string> timelines) {
  co_return co_await db_.tx(
      [&](db::Tx& tx) { return db::StatusRepository::markers(tx, me, timelines); });
}

awaitable<void> StatusService::set_marker(std::int64_t me, std::string timeline,
                                          std::int64_t last_read_id) {
  if (timeline != "home" && timeline != "notifications") {
    throw Error(ErrorCode::kUnprocessable,
                "Validation failed: Timeline is not included in the list");
  }
  co_await db_.tx(
      [&](db::Tx& tx) { db::StatusRepository::set_marker(tx, me, timeline, last_read_id); });
}

}  // namespace lox::services
