#pragma once

#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/util/asio.hpp>

#include <string>

namespace lox::api::mastodon {

// GET /system/media/:a/:b/:id/:file: a processed media file (never an upload as it came in).
// Conditional requests (If-None-Match, If-Modified-Since) and ranges are answered from the
// file's size and time: a 304 reads nothing and a range reads only its bytes.
awaitable<http::Response> serve_media_file(services::MediaService& media,
                                           const http::Request& request);

}  // namespace lox::api::mastodon
