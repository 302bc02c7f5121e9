#include "api/mastodon/accounts/profile_update_params.hpp"

#include <loxodon/util/error.hpp>

#include <algorithm>

namespace lox::api::mastodon {

namespace {

std::optional<std::vector<domain::ProfileField>> fields_param(const http::Params& params) {
  const auto& values = params.values();
  auto it = values.find("fields_attributes");
  if (it == values.end()) return std::nullopt;
  std::vector<std::pair<std::string, nlohmann::json>> rows;
  if (it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) rows.emplace_back(std::to_string(i), (*it)[i]);
  } else if (it->is_object()) {
    // Indexed form keys ("fields_attributes[0][name]") arrive as an object keyed by index.
    for (const auto& [k, v] : it->items()) rows.emplace_back(k, v);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first;
    });
  } else {
    throw Error(ErrorCode::kUnprocessable, "Validation failed: Fields are invalid");
  }
  std::vector<domain::ProfileField> fields;
  for (const auto& [k, row] : rows) {
    if (!row.is_object()) continue;
    domain::ProfileField f;
    f.name = row.contains("name") ? http::json_string(row["name"]).value_or("") : "";
    f.value = row.contains("value") ? http::json_string(row["value"]).value_or("") : "";
    fields.push_back(std::move(f));
  }
  return fields;
}

}  // namespace

services::ProfileUpdate profile_update_from(const http::Params& p) {
  services::ProfileUpdate u;
  u.display_name = p.string("display_name");
  u.note = p.string("note");
  u.locked = p.boolean("locked");
  u.bot = p.boolean("bot");
  u.discoverable = p.boolean("discoverable");
  u.indexable = p.boolean("indexable");
  u.hide_collections = p.boolean("hide_collections");
  u.hide_counts = p.boolean("hide_counts");
  u.accent_color = p.string("accent_color");
  u.profile_theme = p.string("profile_theme");
  u.fields = fields_param(p);
  const nlohmann::json& source = p.object("source");
  if (source.is_object()) {
    if (source.contains("privacy")) u.privacy = http::json_string(source["privacy"]);
    if (source.contains("sensitive")) u.sensitive = http::json_boolean(source["sensitive"]);
    if (source.contains("language"))
      u.language = http::json_string(source["language"]).value_or("");
  }
  return u;
}

}  // namespace lox::api::mastodon
