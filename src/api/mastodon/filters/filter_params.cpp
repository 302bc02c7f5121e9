#include "api/mastodon/filters/filter_params.hpp"

#include <loxodon/util/error.hpp>

#include <charconv>
#include <optional>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

std::optional<std::int64_t> json_id(const json& v) {
  auto text = http::json_string(v);
  std::int64_t id = 0;
  if (!text || text->empty()) return std::nullopt;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc{} || ptr != text->data() + text->size())
    throw Error(ErrorCode::kNotFound, "Record not found");
  return id;
}

// context[] (or context) as a list; absent means "not given".
std::optional<std::vector<std::string>> contexts_of(const http::Params& p) {
  if (!p.has("context") && !p.has("context[]")) return std::nullopt;
  std::vector<std::string> out = p.list("context");
  for (auto& c : p.list("context[]")) out.push_back(c);
  return out;
}

// expires_in: seconds from now; empty or null means never; anything else is refused by the
// service (as a non-positive number).
void read_expiry(const http::Params& p, services::FilterInput& in) {
  if (!p.has("expires_in")) return;
  in.expires_given = true;
  auto raw = p.string("expires_in");
  if (!raw || raw->empty()) return;
  std::int64_t seconds = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), seconds);
  in.expires_in = ec == std::errc{} && ptr == raw->data() + raw->size() ? seconds : -1;
}

services::FilterKeywordInput keyword_input(const json& o) {
  services::FilterKeywordInput k;
  if (!o.is_object()) return k;
  if (o.contains("id")) k.id = json_id(o["id"]);
  if (o.contains("keyword")) k.keyword = http::json_string(o["keyword"]);
  if (o.contains("whole_word")) k.whole_word = http::json_boolean(o["whole_word"]);
  if (o.contains("_destroy")) k.destroy = http::json_boolean(o["_destroy"]).value_or(false);
  return k;
}

}  // namespace

services::FilterInput filter_input(const http::Params& p) {
  services::FilterInput in;
  in.title = p.string("title");
  in.contexts = contexts_of(p);
  in.action = p.string("filter_action");
  read_expiry(p, in);
  const json& attributes = p.values().contains("keywords_attributes")
                               ? p.values()["keywords_attributes"]
                               : p.object("keywords_attributes[]");
  if (attributes.is_array() || attributes.is_object()) {  // [] or {"0": {...}}
    for (const auto& item : attributes) in.keywords.push_back(keyword_input(item));
  }
  return in;
}

services::FilterInput v1_input(const http::Params& p) {
  services::FilterInput in;
  in.contexts = contexts_of(p);
  if (auto irreversible = p.boolean("irreversible")) in.action = *irreversible ? "hide" : "warn";
  read_expiry(p, in);
  return in;
}

services::FilterKeywordInput single_keyword(const http::Params& p, const char* key) {
  services::FilterKeywordInput k;
  k.keyword = p.string(key);
  k.whole_word = p.boolean("whole_word");
  return k;
}

std::int64_t status_id_param(const http::Params& p) {
  auto status_id = p.has("status_id") ? json_id(p.values()["status_id"]) : std::nullopt;
  if (!status_id) throw Error(ErrorCode::kNotFound, "Record not found");
  return *status_id;
}

}  // namespace lox::api::mastodon
