#pragma once

#include <loxodon/db/status_repository.hpp>
#include <loxodon/domain/status.hpp>
#include <loxodon/domain/status_edit.hpp>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace lox::services {

// Statuses as the viewer may see them, with the originals of any boosts among them.
struct StatusPage {
  std::vector<domain::StatusView> statuses;
  std::unordered_map<std::int64_t, domain::StatusView> reblogged;
};

// A page of statuses reached through join rows (favourites, bookmarks): cursors page the list.
struct CursorStatusPage {
  StatusPage page;
  std::vector<std::int64_t> cursors;
};

// One rendering of a status and the viewers it is right for (live streaming renders a status
// once for everyone who has no relation to it, and once more for each viewer who has).
struct SharedStatusPage {
  std::vector<std::int64_t> viewers;
  StatusPage page;
};

struct StatusHistory {
  std::vector<domain::StatusEdit> versions;  // oldest first, the current version last
  domain::StatusView current;
};

struct StatusContext {
  StatusPage ancestors;
  StatusPage descendants;
};

}  // namespace lox::services
