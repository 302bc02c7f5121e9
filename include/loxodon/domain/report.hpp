#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// A report in the moderation queue (Mastodon's Report).
struct Report {
  std::int64_t id = 0;
  std::int64_t account_id = 0;  // who reported
  std::int64_t target_account_id = 0;
  std::vector<std::int64_t> status_ids;
  std::string comment;
  std::string category = "other";  // spam, legal, violation, other
  bool forwarded = false;          // came from, or was sent to, another server
  std::optional<std::string> uri;
  std::optional<std::chrono::system_clock::time_point> action_taken_at;
  std::optional<std::int64_t> action_taken_by_account_id;
  std::chrono::system_clock::time_point created_at{};
  std::chrono::system_clock::time_point updated_at{};
};

inline constexpr std::size_t kMaxReportComment = 1000;  // Mastodon's limit

}  // namespace lox::domain
