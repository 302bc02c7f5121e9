#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/accounts/filter_service.hpp>

#include <cstdint>

namespace lox::api::mastodon {

// A v2 filter create or update: title, context[], filter_action, expires_in and
// keywords_attributes[] (a list, or an object keyed by index).
services::FilterInput filter_input(const http::Params& params);

// v1: context[], irreversible (hide), expires_in; the phrase is the keyword.
services::FilterInput v1_input(const http::Params& params);

// One keyword given as `key` (keyword in v2, phrase in v1) with whole_word.
services::FilterKeywordInput single_keyword(const http::Params& params, const char* key);

// status_id, required; 404 "Record not found" when absent or not an id.
std::int64_t status_id_param(const http::Params& params);

}  // namespace lox::api::mastodon
