#include "api/mastodon/filter_serializer.hpp"

#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {
json expires(const domain::Filter& f) {
  return f.expires_at ? json(format_iso8601_ms(*f.expires_at)) : json(nullptr);
}
}  // namespace

json filter_keyword_json(const domain::FilterKeyword& k) {
  return {{"id", std::to_string(k.id)}, {"keyword", k.keyword}, {"whole_word", k.whole_word}};
}

json filter_status_json(const domain::FilterStatus& s) {
  return {{"id", std::to_string(s.id)}, {"status_id", std::to_string(s.status_id)}};
}

json filter_json(const domain::Filter& f, bool with_rules) {
  json out = {{"id", std::to_string(f.id)},
              {"title", f.title},
              {"context", f.contexts},
              {"expires_at", expires(f)},
              {"filter_action", domain::filter_action_name(f.action)}};
  if (with_rules) {
    json keywords = json::array();
    for (const auto& k : f.keywords) keywords.push_back(filter_keyword_json(k));
    json statuses = json::array();
    for (const auto& s : f.statuses) statuses.push_back(filter_status_json(s));
    out["keywords"] = keywords;
    out["statuses"] = statuses;
  }
  return out;
}

json filter_result_json(const domain::FilterResult& r) {
  return {{"filter", filter_json(r.filter, false)},
          {"keyword_matches", r.keyword_matches.empty() ? json(nullptr) : json(r.keyword_matches)},
          {"status_matches", r.status_matches.empty() ? json(nullptr) : json(r.status_matches)}};
}

json filter_v1_json(const domain::Filter& f, const domain::FilterKeyword& k) {
  return {{"id", std::to_string(k.id)}, {"phrase", k.keyword},
          {"context", f.contexts},      {"whole_word", k.whole_word},
          {"expires_at", expires(f)},   {"irreversible", f.action == domain::FilterAction::kHide}};
}

}  // namespace lox::api::mastodon
