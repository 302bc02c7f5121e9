#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/media_attachment.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace lox::api::mastodon {

// Where a stored media file is served.
std::string media_url(const config::Config& config, const std::string& key);
// Mastodon's MediaAttachment; `url` and `preview_url` are null while processing.
nlohmann::json media_json(const config::Config& config, const domain::MediaAttachment& media);

}  // namespace lox::api::mastodon
