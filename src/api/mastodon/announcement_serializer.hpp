#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/db/announcement_repository.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's REST::AnnouncementSerializer. `read` and each reaction's `me` are there only for
// a signed-in viewer (not in what is streamed to everyone).
nlohmann::json announcement_json(const config::Config& config, const db::AnnouncementRow& a,
                                 bool for_viewer);

}  // namespace lox::api::mastodon
