#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// One emoji reaction to an announcement: how many gave it, and whether the viewer did.
struct AnnouncementReaction {
  std::string name;
  std::int64_t count = 0;
  bool me = false;
};

// A staff announcement as one viewer sees it (dismissed or not, their reactions).
struct Announcement {
  std::int64_t id = 0;
  std::string text;
  std::string content;
  std::vector<std::string> tags;
  std::optional<std::chrono::system_clock::time_point> starts_at;
  std::optional<std::chrono::system_clock::time_point> ends_at;
  bool all_day = false;
  std::optional<std::chrono::system_clock::time_point> scheduled_at;
  std::optional<std::chrono::system_clock::time_point> published_at;
  std::chrono::system_clock::time_point updated_at;
  bool read = false;  // dismissed by the viewer
  std::vector<AnnouncementReaction> reactions;
};

}  // namespace lox::domain
