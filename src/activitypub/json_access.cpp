#include <loxodon/activitypub/json_access.hpp>

namespace lox::activitypub {

using nlohmann::json;

std::string id_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("id") && value["id"].is_string()) {
    return value["id"].get<std::string>();
  }
  if (value.is_array() && !value.empty()) return id_of(value[0]);
  return "";
}

std::vector<std::string> ids_of(const json& value) {
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const auto& item : value) {
      if (auto id = id_of(item); !id.empty()) out.push_back(id);
    }
  } else if (auto id = id_of(value); !id.empty()) {
    out.push_back(id);
  }
  return out;
}

}  // namespace lox::activitypub
