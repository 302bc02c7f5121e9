#pragma once

#include <string>
#include <vector>

namespace lox::domain {

// A hashtag timeline: statuses with `tag` or one of `any`, every one of `all`, none of `none`
// (lowercase names); only this server's with `local_only`, only those with media with
// `only_media`.
struct TagTimelineFilter {
  std::string tag;
  std::vector<std::string> any;
  std::vector<std::string> all;
  std::vector<std::string> none;
  bool local_only = false;
  bool only_media = false;
};

}  // namespace lox::domain
