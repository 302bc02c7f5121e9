#include <loxodon/db/announcement_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/domain/status_text.hpp>
#include <loxodon/jobs/job_queue.hpp>
#include <loxodon/services/instance/announcement_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/streaming/event.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

namespace lox::services {

namespace {

Error not_found() { return Error(ErrorCode::kNotFound, "Record not found"); }

void publish_event(db::Tx& tx, streaming::Event::Kind kind, std::int64_t id,
                   std::string name = {}) {
  streaming::publish(tx, {kind, id, 0, std::move(name)});
}

}  // namespace

bool valid_reaction_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || !valid_utf8(name)) return false;
  // Emoji live outside ASCII; any ASCII byte (letters, digits, spaces, punctuation) other
  // than the keycap sequences' digits and '#' and '*' rules the name out.
  bool has_symbol = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      bool keycap_base = (c >= '0' && c <= '9') || c == '#' || c == '*';
      if (!keycap_base || i != 0) return false;
      continue;
    }
    has_symbol = true;
  }
  return has_symbol && utf8_length(name) <= 10;
}

AnnouncementService::AnnouncementService(const config::Config& config, db::Database& db,
                                         SnowflakeGenerator& ids)
    : config_(config), db_(db), ids_(ids) {}

awaitable<domain::Announcement> AnnouncementService::create(NewAnnouncement r) {
  ValidationErrors errors;
  auto trimmed = r.text.find_first_not_of(" \t\r\n");
  if (trimmed == std::string::npos) errors.add("text", "Text", "ERR_BLANK", "can't be blank");
  if (!valid_utf8(r.text)) errors.add("text", "Text", "ERR_INVALID", "is not valid UTF-8");
  if (r.starts_at && r.ends_at && *r.ends_at < *r.starts_at) {
    errors.add("ends_at", "Ends at", "ERR_INVALID", "must be after the start");
  }
  if (r.all_day && (!r.starts_at || !r.ends_at)) {
    errors.add("all_day", "All day", "ERR_INVALID", "needs a start and an end");
  }
  errors.throw_if_any();

  domain::Announcement row;
  row.id = ids_.next();
  row.text = r.text;
  // Mastodon's formatter, without mentions: paragraphs, links and hashtags.
  auto rendered = domain::render_status_text(
      r.text, [](const domain::MentionToken&) { return std::nullopt; }, config_.base_url());
  row.content = rendered.html;
  row.tags = rendered.tags;
  row.starts_at = r.starts_at;
  row.ends_at = r.ends_at;
  row.all_day = r.all_day;
  auto now = std::chrono::system_clock::now();
  bool later = r.scheduled_at && *r.scheduled_at > now;
  if (later) row.scheduled_at = r.scheduled_at;
  co_await db_.tx([&](db::Tx& tx) {
    db::AnnouncementRepository::insert(tx, row);
    if (later) {
      jobs::JobOptions options;
      options.delay = std::chrono::ceil<std::chrono::seconds>(*row.scheduled_at - now);
      jobs::enqueue(tx, kPublishAnnouncementJob, AnnouncementPayload{row.id}, options);
    } else {
      db::AnnouncementRepository::publish(tx, row.id);
      publish_event(tx, streaming::Event::Kind::kAnnouncement, row.id);
    }
  });
  auto stored = co_await neutral(row.id);
  co_return stored.value_or(row);
}

awaitable<void> AnnouncementService::run_publish(AnnouncementPayload payload) {
  const std::int64_t id = payload.id;
  co_await db_.tx([&](db::Tx& tx) {
    // Already published, or withdrawn meanwhile: nothing to do (the job may run twice).
    if (db::AnnouncementRepository::publish(tx, id)) {
      publish_event(tx, streaming::Event::Kind::kAnnouncement, id);
    }
  });
}

awaitable<std::vector<domain::Announcement>> AnnouncementService::all() {
  co_return co_await db_.read([&](db::Tx& tx) { return db::AnnouncementRepository::all(tx); });
}

awaitable<void> AnnouncementService::remove(std::int64_t id) {
  bool removed = co_await db_.tx([&](db::Tx& tx) {
    bool gone = db::AnnouncementRepository::remove(tx, id);
    if (gone) publish_event(tx, streaming::Event::Kind::kAnnouncementDelete, id);
    return gone;
  });
  if (!removed) throw not_found();
}

awaitable<std::vector<domain::Announcement>> AnnouncementService::active(std::int64_t viewer,
                                                                         bool with_dismissed) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::AnnouncementRepository::active(tx, viewer, with_dismissed); });
}

awaitable<void> AnnouncementService::dismiss(std::int64_t viewer, std::int64_t id) {
  bool found = co_await db_.tx(
      [&](db::Tx& tx) { return db::AnnouncementRepository::dismiss(tx, viewer, id); });
  if (!found) throw not_found();
}

awaitable<void> AnnouncementService::react(std::int64_t viewer, std::int64_t id, std::string name) {
  if (!valid_reaction_name(name)) {
    ValidationErrors errors;
    errors.add("name", "Name", "ERR_INVALID", "is not a recognized emoji");
    errors.throw_if_any();
  }
  co_await db_.tx([&](db::Tx& tx) {
    auto found = db::AnnouncementRepository::find(tx, id, viewer);
    if (!found || !found->published_at) throw not_found();
    bool known = std::any_of(found->reactions.begin(), found->reactions.end(),
                             [&](const domain::AnnouncementReaction& r) { return r.name == name; });
    if (!known && found->reactions.size() >= kMaxReactions) {
      ValidationErrors errors;
      errors.add("name", "Name", "ERR_TOO_LONG", "Maximum number of reactions reached");
      errors.throw_if_any();
    }
    if (db::AnnouncementRepository::add_reaction(tx, viewer, id, name)) {
      publish_event(tx, streaming::Event::Kind::kAnnouncementReaction, id, name);
    }
  });
}

awaitable<void> AnnouncementService::unreact(std::int64_t viewer, std::int64_t id,
                                             std::string name) {
  co_await db_.tx([&](db::Tx& tx) {
    auto found = db::AnnouncementRepository::find(tx, id, viewer);
    if (!found || !found->published_at) throw not_found();
    if (db::AnnouncementRepository::remove_reaction(tx, viewer, id, name)) {
      publish_event(tx, streaming::Event::Kind::kAnnouncementReaction, id, name);
    }
  });
}

awaitable<std::optional<domain::Announcement>> AnnouncementService::neutral(std::int64_t id) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::AnnouncementRepository::find(tx, id, 0); });
}

awaitable<std::int64_t> AnnouncementService::reaction_count(std::int64_t id, std::string name) {
  co_return co_await db_.read(
      [&](db::Tx& tx) { return db::AnnouncementRepository::reaction_count(tx, id, name); });
}

}  // namespace lox::services
