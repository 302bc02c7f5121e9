#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/featured_tag.hpp>
#include <loxodon/domain/tag.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace lox::api::mastodon {

// Mastodon's Tag entity; following and featuring only for a signed-in viewer.
nlohmann::json tag_json(const config::Config& config, const domain::Tag& tag, bool with_viewer);

// Mastodon's FeaturedTag entity, linking to the tag's page on `username`'s profile.
nlohmann::json featured_json(const config::Config& config, const std::string& username,
                             const domain::FeaturedTag& featured);

}  // namespace lox::api::mastodon
