#pragma once

#include <loxodon/domain/marker.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace lox::api::mastodon {

// Mastodon's markers object: {"home": {...}, "notifications": {...}} for the markers given.
nlohmann::json markers_json(const std::vector<domain::Marker>& markers);

}  // namespace lox::api::mastodon
