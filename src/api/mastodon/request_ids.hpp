#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/http/params.hpp>
#include <loxodon/http/request.hpp>

#include <cstdint>
#include <vector>

namespace lox::api::mastodon {

// The snowflake id in a path segment (`:id` by default); anything else is 404 "Record not found",
// as Mastodon answers for an id that cannot exist.
std::int64_t path_id(const http::Request& request, const char* name = "id");

// Ids given as `key` and `key[]` (form, query or JSON); values that are not ids are skipped.
std::vector<std::int64_t> id_params(const http::Params& params, const char* key);

// The signed-in account calling a public endpoint, or 0 for a logged-out (or app) caller.
std::int64_t viewer_of(const Call& call);

}  // namespace lox::api::mastodon
