#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// How the viewer and one account stand towards each other (Mastodon's Relationship entity):
// `id` is the other account.
struct Relationship {
  std::int64_t id = 0;
  bool following = false;
  bool showing_reblogs = false;
  bool notifying = false;
  bool followed_by = false;
  bool blocking = false;
  bool blocked_by = false;
  bool muting = false;
  bool muting_notifications = false;
  bool requested = false;
  bool requested_by = false;
  bool endorsed = false;
  bool domain_blocking = false;
  std::optional<std::vector<std::string>> languages;  // of the follow; unset: all languages
};

}  // namespace lox::domain
