#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lox::domain {

// What routing a status event to live streams needs to know about the status: which public,
// hashtag and user streams it may reach before anyone's relation to it is asked.
struct StreamStatusFacts {
  std::int64_t account_id = 0;
  int visibility = 0;  // 0 public, 1 unlisted, 2 private, 3 direct
  bool local = true;
  bool reblog = false;
  bool reply_to_other = false;  // a reply to someone else's status
  bool has_media = false;
  std::vector<std::string> tags;  // lowercase
};

}  // namespace lox::domain
