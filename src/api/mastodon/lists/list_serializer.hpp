#pragma once

#include <loxodon/domain/list.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's List.
nlohmann::json list_json(const domain::List& list);

}  // namespace lox::api::mastodon
