#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lox::activitypub {

// Reading ActivityStreams values in every form real servers send them.

// The id of a value given inline or as a bare id ("actor": "…" or {"id": "…"}), the first one
// of an array; empty when there is none.
std::string id_of(const nlohmann::json& value);
// Every id of a value that may be one id, an object, or an array of either.
std::vector<std::string> ids_of(const nlohmann::json& value);

}  // namespace lox::activitypub
