#pragma once

#include <loxodon/config/config.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace lox::activitypub {

// A stored image as ActivityPub names it (an actor's icon and header, an emoji's icon):
// {"type": "Image", "mediaType" (from the key's extension), "url" (our media URL)}.
nlohmann::json image_document(const config::Config& config, const std::string& key);

}  // namespace lox::activitypub
