#pragma once

#include <loxodon/http/params.hpp>
#include <loxodon/services/moderation/report_service.hpp>

namespace lox::api::mastodon {

// The report a POST /api/v1/reports describes. As Mastodon answers: no account_id is a 422, an
// account_id that is not an id is a 404 (no such account); the rest is checked by the service.
services::ReportRequest report_request_from(const http::Params& params);

}  // namespace lox::api::mastodon
