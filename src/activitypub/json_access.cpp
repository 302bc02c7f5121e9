#include <loxodon/activitypub/json_access.hpp>

namespace lox::activitypub {

using nlohmann::json;

namespace {

// An id in an array is its first element; an array of arrays nests no further than this.
constexpr int kMaxIdNesting = 4;

}  // namespace

std::string id_of(const json& value) {
  const json* v = &value;
  for (int level = 0; v->is_array() && !v->empty() && level < kMaxIdNesting; ++level) {
    v = &(*v)[0];
  }
  if (v->is_string()) return v->get<std::string>();
  if (v->is_object()) {
    auto id = v->find("id");
    if (id != v->end() && id->is_string()) return id->get<std::string>();
  }
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
