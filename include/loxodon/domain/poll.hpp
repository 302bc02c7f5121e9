#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

inline constexpr std::int64_t kMinPollExpiration = 300;
inline constexpr std::int64_t kMaxPollExpiration = 2629746;
inline constexpr std::size_t kMaxPollOptionCharacters = 50;

struct Poll {
  std::int64_t id = 0;
  std::int64_t status_id = 0;
  std::vector<std::string> options;
  std::vector<std::int64_t> votes;  // per option
  std::int64_t votes_count = 0;
  std::int64_t voters_count = 0;
  bool multiple = false;
  bool hide_totals = false;
  std::optional<std::chrono::system_clock::time_point> expires_at;
  bool expired = false;
  std::vector<int> own_votes;  // the viewer's choices
  bool voted = false;
};

}  // namespace lox::domain
