#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/media/media_service.hpp>

namespace lox::api::mastodon {

// The upload a POST /api/v1/media or /api/v2/media carries: the file (multipart, possibly
// spooled to disk), its description and focus. The service refuses a missing or unusable file.
services::MediaUpload media_upload_from(const http::Params& params);

}  // namespace lox::api::mastodon
