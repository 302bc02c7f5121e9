#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/http/params.hpp>
#include <loxodon/http/request.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace lox::api::mastodon {

// The snowflake id in a path segment (`:id` by default); anything else is 404 "Record not found",
// as Mastodon answers for an id that cannot exist.
std::int64_t path_id(const http::Request& request, const char* name = "id");

// Ids given as `key` and `key[]` (form, query or JSON); values that are not ids are skipped.
std::vector<std::int64_t> id_params(const http::Params& params, const char* key);

// A timestamp parameter (ISO 8601): nullopt when absent or empty, 422 naming `key` when it is
// not a time.
std::optional<std::chrono::system_clock::time_point> time_param(const http::Params& params,
                                                                const char* key, const char* label);

// The signed-in account calling a public endpoint, or 0 for a logged-out (or app) caller.
std::int64_t viewer_of(const Call& call);

}  // namespace lox::api::mastodon
