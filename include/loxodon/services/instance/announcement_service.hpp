#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/announcement.hpp>
#include <loxodon/services/instance/announcement_job.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

struct NewAnnouncement {
  std::string text;
  std::optional<std::chrono::system_clock::time_point> starts_at;
  std::optional<std::chrono::system_clock::time_point> ends_at;
  bool all_day = false;
  // Published then by a durable job; nothing (or a time already past) publishes at once.
  std::optional<std::chrono::system_clock::time_point> scheduled_at;
};

// Staff announcements as Mastodon serves them: published at once or when scheduled (and then
// streamed to every signed-in user), listed for each user with whether they dismissed it, and
// reacted to with emoji. Created by staff (the command line now; admin pages later).
class AnnouncementService {
 public:
  static constexpr std::size_t kMaxReactions = 8;  // distinct emoji per announcement (Mastodon)

  AnnouncementService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids);

  awaitable<domain::Announcement> create(NewAnnouncement request);
  awaitable<std::vector<domain::Announcement>> all();
  awaitable<void> remove(std::int64_t id);
  // For the viewer (signed in): active ones, dismissed ones only when asked for.
  awaitable<std::vector<domain::Announcement>> active(std::int64_t viewer, bool with_dismissed);
  awaitable<void> dismiss(std::int64_t viewer, std::int64_t id);
  awaitable<void> react(std::int64_t viewer, std::int64_t id, std::string name);
  awaitable<void> unreact(std::int64_t viewer, std::int64_t id, std::string name);
  // The announcement as someone with no relation to it sees it (streamed to everyone).
  awaitable<std::optional<domain::Announcement>> neutral(std::int64_t id);
  awaitable<std::int64_t> reaction_count(std::int64_t id, std::string name);

  // Job handler: publishes a scheduled announcement (idempotent).
  awaitable<void> run_publish(AnnouncementPayload payload);

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

// Whether `name` can be a reaction: one emoji (Unicode symbols, joiners and modifiers; no
// letters, digits, punctuation or spaces), as Mastodon accepts Unicode emoji reactions.
bool valid_reaction_name(std::string_view name);

}  // namespace lox::services
