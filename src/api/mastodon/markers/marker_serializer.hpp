#pragma once

#include <loxodon/db/status_repository.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace lox::api::mastodon {

// Mastodon's markers object: {"home": {...}, "notifications": {...}} for the markers given.
nlohmann::json markers_json(const std::vector<db::Marker>& markers);

}  // namespace lox::api::mastodon
