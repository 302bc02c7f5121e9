#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/http/request.hpp>
#include <loxodon/http/response.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/statuses/status_page.hpp>

namespace lox::api::mastodon {

// Pages as Mastodon answers them: the items as JSON and a Link header for the pages before and
// after (next and prev), the request's other parameters kept.

// Statuses, paged by status id (timelines).
http::Response status_page_response(const http::Request& request, const config::Config& config,
                                    const services::StatusPage& page);
// Statuses paged by a cursor of their own (favourites and bookmarks, by when they were made).
http::Response cursor_status_page_response(const http::Request& request,
                                           const config::Config& config,
                                           const services::CursorStatusPage& page);
// The first status of a page (the one a request was about), 404 when the viewer may not see it.
http::Response status_response(const config::Config& config, const services::StatusPage& page,
                               bool with_source = false);
// Accounts (blocks, mutes, who boosted or favourited a status).
http::Response account_page_response(const http::Request& request, const config::Config& config,
                                     const services::AccountPage& page);

}  // namespace lox::api::mastodon
