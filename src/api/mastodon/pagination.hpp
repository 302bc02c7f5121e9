#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/http/params.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>

#include <cstdint>
#include <vector>

namespace lox::api::mastodon {

// max_id / since_id / min_id / limit as Mastodon reads them (bad values are ignored, limit is
// clamped to [1, max]).
domain::PageRequest page_request(const http::Params& params, int default_limit, int max_limit);

// Link: <...max_id=OLDEST>; rel="next", <...min_id=NEWEST>; rel="prev", keeping the request's
// other parameters (local, types[], limit...). No header for an empty page.
void add_link_header(http::Response& response, const http::Request& request,
                     const config::Config& config, const std::vector<std::int64_t>& cursors);

}  // namespace lox::api::mastodon
