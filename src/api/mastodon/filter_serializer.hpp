#pragma once

#include <loxodon/domain/filter.hpp>

#include <nlohmann/json.hpp>

namespace lox::api::mastodon {

// Mastodon's Filter (v2); `with_rules` adds keywords[] and statuses[], which Mastodon leaves out
// of the copies inside Status.filtered[].
nlohmann::json filter_json(const domain::Filter& filter, bool with_rules);
nlohmann::json filter_keyword_json(const domain::FilterKeyword& keyword);
nlohmann::json filter_status_json(const domain::FilterStatus& status);
// FilterResult, as in Status.filtered[].
nlohmann::json filter_result_json(const domain::FilterResult& result);
// The v1 Filter: one keyword of a v2 filter, seen with its filter's settings.
nlohmann::json filter_v1_json(const domain::Filter& filter, const domain::FilterKeyword& keyword);

}  // namespace lox::api::mastodon
