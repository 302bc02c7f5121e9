#pragma once

namespace lox::domain {

// Which statuses the public timeline shows: all, only this server's, or only other servers'.
enum class PublicTimelineScope { kAll = 0, kLocal = 1, kRemote = 2 };

}  // namespace lox::domain
