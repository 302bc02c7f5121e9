#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/announcement.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's REST::AnnouncementSerializer. `read` and each reaction's `me` are there only for
// a signed-in viewer (not in what is streamed to everyone).
nlohmann::json announcement_json(const config::Config& config, const domain::Announcement& a,
                                 bool for_viewer);

}  // namespace lox::api::mastodon
