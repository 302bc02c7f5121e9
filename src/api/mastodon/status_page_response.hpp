#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>
#include <loxodon/services/status_service.hpp>

namespace lox::api::mastodon {

// A page of statuses as a timeline answers it: the statuses as JSON and a Link header for the
// pages before and after it (by status id).
http::Response status_page_response(const http::Request& request, const config::Config& config,
                                    const services::StatusPage& page);

}  // namespace lox::api::mastodon
