#pragma once

#include <loxodon/db/list_repository.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's List.
nlohmann::json list_json(const db::ListRow& list);

}  // namespace lox::api::mastodon
